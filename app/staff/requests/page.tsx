import type { Metadata } from "next";
import { RequestsPage } from "@/modules/staff/components/requests-page";

export const metadata: Metadata = { title: "Requests · Staff" };
export default RequestsPage;
