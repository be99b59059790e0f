/** The part of the Auth.js config that needs no database: shared by proxy.ts and auth.ts. */
import type { NextAuthConfig } from "next-auth";
import { KEYS_PATH } from "@/modules/api-keys/nav";

export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    // proxy.ts only redirects for convenience; every page, action and route checks the session itself.
    authorized({ auth, request }) {
      const isLoggedIn = Boolean(auth?.user);
      const isLogin = request.nextUrl.pathname.startsWith("/login");
      if (isLogin) return isLoggedIn ? Response.redirect(new URL(KEYS_PATH, request.nextUrl)) : true;
      return isLoggedIn;
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
