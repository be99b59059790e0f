/** What the API's routes receive: per-instance dependencies (built by index.ts, or by tests) and per-request state. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { KeyObject } from "node:crypto";
import type { IpAddress } from "@/core/net/ip";
import type { TrustedProxies } from "@/core/net/client-ip";
import type { ApiUserCache } from "./verify/api-user-cache";
import type { KeyCache } from "./verify/key-cache";
import type { UsageRecorder } from "./verify/usage";
import type { ApiLimits } from "./limits";
import type { PrismaClient } from "@/core/generated/prisma/client";
import type { TokenCache } from "./oauth/token-cache";

export type ApiDeps = {
  pepper: KeyObject;
  cache: KeyCache;
  apiUsers: ApiUserCache;
  limits: ApiLimits;
  usage: UsageRecorder;
  trustedProxies: TrustedProxies;
  accessLog?: boolean;
  /** The OAuth server: its database client (token endpoint writes) and the access-token cache. */
  oauth: { prisma: PrismaClient; tokens: TokenCache };
};

export type ApiRequest = {
  ip: IpAddress | null;
  ipText: string | null;
  nowMs: number;
  /** The authenticated key id or API user name, for the access log (never the secret). */
  keyId?: string;
};

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, deps: ApiDeps, state: ApiRequest) => Promise<void> | void;
