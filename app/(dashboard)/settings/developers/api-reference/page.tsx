import type { Metadata } from "next";
import { ApiReferencePage } from "@/modules/api-keys/components/api-reference-page";

export const metadata: Metadata = { title: "API reference" };
export default ApiReferencePage;
