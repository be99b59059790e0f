/** Password hashing for the web app: the one implementation lives in core (the API server checks API users with it). */
import "server-only";

export { hashPassword, verifyPassword } from "@/core/secrets/password";
