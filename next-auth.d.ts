/** Our additions to Auth.js's types: the server-side session id travels from sign-in through the JWT. */
import "next-auth";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}
