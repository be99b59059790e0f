import type { Metadata } from "next";
import { AuthorizePage } from "@/modules/oauth-apps/components/authorize-page";

// The page URL carries the app's state and PKCE challenge: never send it on as a referrer.
export const metadata: Metadata = { title: "Authorize app", referrer: "no-referrer" };
export default AuthorizePage;
