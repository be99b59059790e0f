import type { Metadata } from "next";
import { IntegrationsPage } from "@/modules/developer-accounts/components/integrations-page";

export const metadata: Metadata = { title: "Integrations" };
export default IntegrationsPage;
