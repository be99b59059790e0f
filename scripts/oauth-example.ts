/**
 * npm run oauth:example — a tiny OAuth client (oauth4webapi) running the authorization code flow with PKCE against
 * this server: prints the authorize URL, waits for the redirect on a localhost port, exchanges the code and prints
 * /api/v1/whoami for the token. Register an app first (Developer's corner › Apps) with the redirect URI
 * http://localhost:8765/callback, then:
 *   OAUTH_CLIENT_ID=dca_… OAUTH_CLIENT_SECRET=dcs_… npm run oauth:example
 * Optional: OAUTH_ISSUER (default http://127.0.0.1:3000), OAUTH_REDIRECT_PORT (8765), OAUTH_SCOPE.
 */
import http from "node:http";
import * as oauth from "oauth4webapi";

const issuer = new URL(process.env.OAUTH_ISSUER ?? "http://127.0.0.1:3000");
const port = Number(process.env.OAUTH_REDIRECT_PORT ?? 8765);
const redirectUri = `http://localhost:${port}/callback`;
const clientId = process.env.OAUTH_CLIENT_ID;
const clientSecret = process.env.OAUTH_CLIENT_SECRET;
// Plain http is fine against a local server only; oauth4webapi insists on https otherwise.
const options = issuer.protocol === "http:" ? { [oauth.allowInsecureRequests]: true } : {};

/** Resolves with the first request to /callback, answering the browser with a short page. */
function waitForCallback(): Promise<URL> {
  return new Promise((resolve, reject) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? "/", redirectUri);
      if (url.pathname !== "/callback") return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("Done: you can close this tab and go back to the terminal.");
      server.close();
      resolve(url);
    });
    server.on("error", reject);
    server.listen(port, "localhost");
  });
}

async function main() {
  if (!clientId || !clientSecret) throw new Error("Set OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET (Developer's corner › Apps › New keys)");
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...options }));
  const client: oauth.Client = { client_id: clientId };
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const authorize = new URL(as.authorization_endpoint!);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: process.env.OAUTH_SCOPE ?? "subscribers campaigns",
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  }).toString();
  const callback = waitForCallback();
  console.log(`Open this URL in your browser, sign in and allow the app:\n\n  ${authorize.href}\n\nWaiting for the redirect to ${redirectUri} …`);
  const params = oauth.validateAuthResponse(as, client, await callback, state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretBasic(clientSecret), params, redirectUri, verifier, options);
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
  console.log(`\nAccess token received (expires in ${tokens.expires_in} s, scope "${tokens.scope}"); refresh token: ${tokens.refresh_token ? "yes" : "no"}.`);
  const whoami = await oauth.protectedResourceRequest(tokens.access_token, "GET", new URL("/api/v1/whoami", issuer), undefined, undefined, options);
  console.log(`\nGET /api/v1/whoami → ${whoami.status}\n${JSON.stringify(await whoami.json(), null, 2)}`);
}

main().then(
  () => process.exit(0),
  (e: Error) => {
    console.error(`✖ ${e instanceof oauth.ResponseBodyError ? `${e.error}: ${e.error_description ?? ""}` : e.message}`);
    process.exit(1);
  },
);
