import type { KeyObject } from "node:crypto";
import type ipaddr from "ipaddr.js";
import type { TrustedProxies } from "./client-ip";
import type { KeyCache } from "./key-cache";
import type { ApiLimits } from "./limits";
import type { UsageRecorder } from "./usage";

/** What the API handler needs; server.ts builds one per instance, tests build their own. */
export type ApiDeps = {
  pepper: KeyObject;
  cache: KeyCache;
  limits: ApiLimits;
  usage: UsageRecorder;
  trustedProxies: TrustedProxies;
  accessLog?: boolean;
};

/** Per-request state. */
export type ApiRequest = {
  ip: ipaddr.IPv4 | ipaddr.IPv6 | null;
  ipText: string | null;
  nowMs: number;
  /** The authenticated key id, for the access log (never the secret). */
  keyId?: string;
};
