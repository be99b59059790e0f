/**
 * Runs before every page: sends signed-out visitors to /login (remembering where they were going), and sets a
 * Content-Security-Policy with a fresh nonce, which Next applies to its own scripts. Only a convenience for
 * access: every page, action and route checks the session itself (against the database, which this does not).
 */
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "./auth.config";
import { contentSecurityPolicy, PUBLIC_PATHS } from "./core/net/web-policy";

const { auth } = NextAuth(authConfig);

export default auth((req) => {
  const { pathname, search } = req.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!req.auth?.user && !isPublic) {
    const login = new URL("/login", req.nextUrl);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
});

export const config = {
  // Everything but Auth.js itself, the public API and static assets.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.png$).*)"],
};
