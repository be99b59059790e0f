import type { Metadata } from "next";
import { SubaccountsPage } from "@/modules/subaccounts/components/subaccounts-page";

export const metadata: Metadata = { title: "Subaccounts" };
export default SubaccountsPage;
