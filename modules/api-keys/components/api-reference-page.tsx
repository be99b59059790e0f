/** Developer's corner › API reference: the endpoints from the OpenAPI document, with curl examples for this account. */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { buildOpenApiDocument } from "@/core/api-contract/openapi";
import { getActorContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { NoAccess } from "@/components/layout/no-access";
import { listApiKeys } from "../data/queries";
import { EndpointCard } from "./endpoint-card";

export async function ApiReferencePage() {
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  if (!can(ctx.role, "apiKeys.view")) return <NoAccess what="the API reference" />;

  const h = await headers();
  const base = `${h.get("x-forwarded-proto") === "https" ? "https" : "http"}://${h.get("host") ?? "localhost:3000"}`;
  const keys = await listApiKeys(ctx);
  // Only the public key id is filled in: the secret was shown once and is not known here.
  const keyId = keys.find((k) => k.status === "active")?.keyId ?? keys[0]?.keyId ?? "dc_YOUR_KEY_ID";
  const key = `${keyId}.YOUR_SECRET`;
  const doc = buildOpenApiDocument();
  const whoami = doc.paths["/api/v1/whoami"].get;
  const verify = doc.paths["/api/v1/keys/verify"].post;

  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="mt-1 text-sm text-slate-600">
          Authenticate with HTTP Basic (any username, the key as the password) or <code>Authorization: Bearer</code>.
          Errors are <code>application/problem+json</code> (RFC 9457). Machine-readable:{" "}
          <a className="text-brand-700 underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI 3.1). Examples use your key id <code>{keyId}</code>; replace <code>YOUR_SECRET</code> with the secret you saved.
        </p>
      </div>
      <EndpointCard method="GET" path="/api/v1/whoami" summary={whoami.summary} responses={whoami.responses}
        curl={`curl --user 'api:${key}' ${base}/api/v1/whoami`} />
      <EndpointCard method="POST" path="/api/v1/keys/verify" summary={verify.summary} responses={verify.responses}
        curl={`curl --user 'api:${key}' \\\n  -H 'content-type: application/json' \\\n  -d '{"key":"dc_…","requiredScopes":["subscribers"],"ip":"203.0.113.7"}' \\\n  ${base}/api/v1/keys/verify`}>
        <p className="mt-2 text-sm text-slate-700">
          Answers <code>{"{ valid, code, accountId, keyId, scopes, permissions, expiresAt }"}</code> with <code>code</code> one of{" "}
          <code>VALID</code>, <code>NOT_FOUND</code>, <code>DISABLED</code>, <code>EXPIRED</code>, <code>IP_NOT_ALLOWED</code>,{" "}
          <code>INSUFFICIENT_SCOPE</code>, <code>RATE_LIMITED</code>. Only keys of your own account can be verified.
        </p>
      </EndpointCard>
    </div>
  );
}
