/**
 * The part of the Auth.js config that needs no database: shared by proxy.ts and auth.ts. The proxy only reads
 * the cookie to redirect signed-out visitors; auth.ts adds the database check of the session on every request.
 */
import type { NextAuthConfig } from "next-auth";
import { authLogger } from "@/core/auth-logger";
import { SESSION_MAX_AGE_S } from "@/core/session-policy";

export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  trustHost: true,
  logger: authLogger,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
