/** Shared by the OAuth endpoints: read the form, authenticate the client, map failures to RFC 6749 §5.2 answers. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiDeps, ApiRequest } from "../context";
import { BodyError, readForm, sendProblem } from "../http";
import { authenticateClient, type AuthenticatedClient } from "./client-auth";
import { OAuthError, sendOAuthError } from "./errors";

export type OAuthHandler = (form: Record<string, string>, client: AuthenticatedClient, deps: ApiDeps, state: ApiRequest) => Promise<unknown>;

export function oauthEndpoint(run: OAuthHandler) {
  return async (req: IncomingMessage, res: ServerResponse, deps: ApiDeps, state: ApiRequest): Promise<void> => {
    let form: Record<string, string>;
    try {
      form = await readForm(req);
    } catch (e) {
      if (e instanceof BodyError) return sendOAuthError(res, new OAuthError("invalid_request", e.message));
      throw e;
    }
    try {
      const client = await authenticateClient(req, form, deps.oauth.prisma, deps.pepper, state.nowMs);
      state.keyId = client.clientId;
      const body = await run(form, client, deps, state);
      sendOAuthJson(res, body);
    } catch (e) {
      if (!(e instanceof OAuthError)) throw e;
      if (e.code === "invalid_client" && (await deps.limits.recordAuthFailure(state.ipText ?? "unknown")) > 0) {
        return sendProblem(res, 429, "too-many-failures", "Too Many Requests", "Too many failed authentications. Try again later.", {}, { "retry-after": "60" });
      }
      sendOAuthError(res, e);
    }
  };
}

/** Token responses must not be cached (RFC 6749 §5.1). */
function sendOAuthJson(res: ServerResponse, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
    pragma: "no-cache",
    "x-content-type-options": "nosniff",
  });
  res.end(payload);
}
