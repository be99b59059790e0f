/** Redirects signed-out visitors to /login. Only a convenience: every page and action checks on its own. */
import NextAuth from "next-auth";
import { authConfig } from "./auth.config";

const { auth } = NextAuth(authConfig);

export default auth;

export const config = {
  // Everything but Auth.js itself, the public API and static assets.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.png$).*)"],
};
