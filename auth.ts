/**
 * Auth.js v5: email + password credentials, JWT cookie backed by a server-side session row (lib/auth/sessions.ts)
 * that is checked on every request, so revocation is immediate. auth.config.ts holds the database-free part.
 */
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { verifyLogin } from "@/modules/auth/data/credentials";
import { isSessionActive } from "@/lib/auth/sessions";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => verifyLogin(credentials, request),
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async jwt(params) {
      if (params.user?.id) return authConfig.callbacks.jwt(params);
      // Returning null ends the session: Auth.js then treats the request as signed out and clears the cookie.
      return (await isSessionActive(params.token.sid, params.token.sub)) ? params.token : null;
    },
  },
});
