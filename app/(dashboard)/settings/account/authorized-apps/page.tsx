import type { Metadata } from "next";
import { AuthorizedAppsPage } from "@/modules/oauth-apps/components/authorized-apps-page";

export const metadata: Metadata = { title: "Authorized apps" };
export default AuthorizedAppsPage;
