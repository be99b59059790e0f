/** Auth.js v5: email + password credentials, JWT sessions (see auth.config.ts for the database-free part). */
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { verifyLogin } from "@/modules/auth/data/credentials";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => verifyLogin(credentials, request),
    }),
  ],
});
