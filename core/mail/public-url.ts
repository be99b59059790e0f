/**
 * Absolute links in emails are built from AUTH_URL (the app's public address behind a proxy), or from where
 * `npm start` listens (HOST, PORT) when it is not set, as in the demo.
 */
export function publicUrl(path: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.AUTH_URL?.replace(/\/+$/, "") || `http://${env.HOST && env.HOST !== "0.0.0.0" ? env.HOST : "127.0.0.1"}:${env.PORT ?? 3000}`;
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}
