import type { Metadata } from "next";
import { PublicRequestPage } from "@/modules/developer-accounts/components/public-request-page";

export const metadata: Metadata = { title: "Request a developer account" };
export default PublicRequestPage;
