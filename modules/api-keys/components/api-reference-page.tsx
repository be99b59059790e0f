/**
 * Developer's corner › API reference: the endpoints from the OpenAPI document with copyable curl examples that use
 * this account's key ids — for each endpoint a key whose scopes fit it — and example answers.
 */
import { redirect } from "next/navigation";
import { problemExamples, verifyResponseExamples, whoamiExample, whoamiOAuthExample } from "@/core/api-contract/examples";
import { buildOpenApiDocument } from "@/core/api-contract/openapi";
import { getActorContext, getRequestOrigin } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { NoAccess } from "@/components/layout/no-access";
import { WhitelabelGate } from "@/modules/developer-accounts/components/whitelabel-gate";
import { listApiKeys } from "../data/queries";
import { EndpointCard } from "./endpoint-card";

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export async function ApiReferencePage() {
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  if (!can(ctx.role, "apiKeys.view")) return <NoAccess what="the API reference" />;
  if (ctx.accountKind === "whitelabel") return <WhitelabelGate what="The API reference and API keys" />;

  const base = await getRequestOrigin();
  const active = (await listApiKeys(ctx)).filter((k) => k.status === "active");
  // Only public key ids are filled in: a secret is shown once and is not known here.
  const anyKey = active[0]?.keyId ?? "dc_YOUR_KEY_ID";
  const verifier = active.find((k) => k.scopes.includes("keys:verify"))?.keyId;
  const smtpKey = active.find((k) => k.scopes.includes("smtp"))?.keyId ?? "dc_SMTP_KEY_ID";
  const doc = buildOpenApiDocument();
  const whoami = doc.paths["/api/v1/whoami"].get;
  const verify = doc.paths["/api/v1/keys/verify"].post;
  const token = doc.paths["/api/v1/oauth/token"].post;
  const verifyCurl = (body: string) =>
    `curl --user 'api:${verifier ?? "dc_VERIFIER_KEY_ID"}.YOUR_SECRET' \\\n  -H 'content-type: application/json' \\\n  -d '${body}' \\\n  ${base}/api/v1/keys/verify`;

  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="mt-1 text-sm text-slate-700">
          Authenticate with HTTP Basic (any username, the key as the password) or <code>Authorization: Bearer</code>. Errors are{" "}
          <code>application/problem+json</code> (RFC 9457). Machine-readable:{" "}
          <a className="text-brand-700 underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI 3.1). The examples use your key ids; replace <code>YOUR_SECRET</code> with the secret you saved.
        </p>
      </div>
      <EndpointCard
        method="GET"
        path="/api/v1/whoami"
        summary={whoami.summary}
        description={whoami.description}
        responses={whoami.responses}
        examples={[
          { title: "curl example for /api/v1/whoami", code: `curl --user 'api:${anyKey}.YOUR_SECRET' ${base}/api/v1/whoami` },
          { title: "With an OAuth access token", code: `curl -H 'Authorization: Bearer dcat_…' ${base}/api/v1/whoami` },
          { title: "Example answer (200)", code: pretty(whoamiExample) },
          { title: "Example answer for an OAuth token (200)", code: pretty(whoamiOAuthExample) },
          { title: "Example error (401)", code: pretty(problemExamples["401"]) },
        ]}
      />
      <EndpointCard
        method="POST"
        path="/api/v1/keys/verify"
        summary={verify.summary}
        description={verify.description}
        responses={verify.responses}
        examples={[
          { title: "curl example for /api/v1/keys/verify", code: verifyCurl('{"key":"dc_…","requiredScopes":["subscribers"],"ip":"203.0.113.7"}') },
          { title: "SMTP login check", code: verifyCurl(`{"username":"${smtpKey}","key":"${smtpKey}.THE_PASSWORD","requiredScopes":["smtp"]}`) },
          { title: "Example answer: valid", code: pretty(verifyResponseExamples.valid!.value) },
          { title: "Example answer: missing scope", code: pretty(verifyResponseExamples.insufficientScope!.value) },
        ]}
      >
        {verifier ? null : (
          <p role="note" className="mt-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            None of this account&apos;s active keys has the <code>keys:verify</code> scope, which this endpoint needs. Create one on the API keys page.
          </p>
        )}
        <p className="mt-2 text-sm text-slate-700">
          Answers <code>{"{ valid, code, accountId, keyId, scopes, permissions, expiresAt }"}</code> with <code>code</code> one of <code>VALID</code>,{" "}
          <code>NOT_FOUND</code>, <code>DISABLED</code>, <code>EXPIRED</code>, <code>IP_NOT_ALLOWED</code>, <code>INSUFFICIENT_SCOPE</code>,{" "}
          <code>RATE_LIMITED</code>. Only keys of your own account can be verified.
        </p>
      </EndpointCard>
      <EndpointCard
        method="POST"
        path="/api/v1/oauth/token"
        summary={token.summary}
        description={token.description}
        responses={token.responses}
        examples={[
          { title: "Exchange an authorization code (PKCE)", code: `curl --user 'dca_CLIENT_ID:YOUR_CLIENT_SECRET' \\\n  -d grant_type=authorization_code -d code=THE_CODE \\\n  -d redirect_uri=https://app.example.com/callback -d code_verifier=THE_VERIFIER \\\n  ${base}/api/v1/oauth/token` },
          { title: "Client credentials (your own account)", code: `curl --user 'dca_CLIENT_ID:YOUR_CLIENT_SECRET' -d grant_type=client_credentials ${base}/api/v1/oauth/token` },
        ]}
      >
        <p className="mt-2 text-sm text-slate-700">
          Register apps under Developer&apos;s corner › Apps. Users connect them at <code>{base}/oauth/authorize</code>; metadata at{" "}
          <code>{base}/.well-known/oauth-authorization-server</code>. Also: <code>/api/v1/oauth/revoke</code> (RFC 7009) and{" "}
          <code>/api/v1/oauth/introspect</code> (RFC 7662).
        </p>
      </EndpointCard>
    </div>
  );
}
