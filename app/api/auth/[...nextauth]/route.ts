import { handlers } from "@/auth";

// GET only (session, csrf, providers): sign-in and sign-out go through server actions, which call Auth.js
// in-process. Not exporting POST closes the credentials callback endpoint to direct password guessing.
export const { GET } = handlers;
