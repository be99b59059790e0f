/** What the API's routes receive: per-instance dependencies (built by index.ts, or by tests) and per-request state. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { KeyObject } from "node:crypto";
import type { IpAddress } from "@/core/net/ip";
import type { TrustedProxies } from "@/core/net/client-ip";
import type { ApiUserCache } from "./verify/api-user-cache";
import type { KeyCache } from "./verify/key-cache";
import type { UsageRecorder } from "./verify/usage";
import type { ApiLimits } from "./limits";

export type ApiDeps = {
  pepper: KeyObject;
  cache: KeyCache;
  apiUsers: ApiUserCache;
  limits: ApiLimits;
  usage: UsageRecorder;
  trustedProxies: TrustedProxies;
  accessLog?: boolean;
};

export type ApiRequest = {
  ip: IpAddress | null;
  ipText: string | null;
  nowMs: number;
  /** The authenticated key id or API user name, for the access log (never the secret). */
  keyId?: string;
};

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, deps: ApiDeps, state: ApiRequest) => Promise<void> | void;
