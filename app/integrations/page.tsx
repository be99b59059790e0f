import type { Metadata } from "next";
import { IntegrationsPage } from "@/modules/oauth-apps/components/integrations-page";

export const metadata: Metadata = { title: "Integrations" };
// Read on every request: staff decisions show at once.
export const dynamic = "force-dynamic";
export default IntegrationsPage;
