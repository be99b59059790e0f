import type { Metadata } from "next";
import { AppsPage } from "@/modules/oauth-apps/components/apps-page";

export const metadata: Metadata = { title: "Apps" };
export default AppsPage;
