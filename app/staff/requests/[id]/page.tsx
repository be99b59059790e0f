import type { Metadata } from "next";
import { RequestPage } from "@/modules/staff/components/request-page";

export const metadata: Metadata = { title: "Request · Staff" };
export default RequestPage;
