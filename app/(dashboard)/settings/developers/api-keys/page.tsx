import type { Metadata } from "next";
import { KeysPage } from "@/modules/api-keys/components/keys-page";

export const metadata: Metadata = { title: "API keys" };
export default KeysPage;
