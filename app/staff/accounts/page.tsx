import type { Metadata } from "next";
import { AccountsPage } from "@/modules/staff/components/accounts-page";

export const metadata: Metadata = { title: "Accounts · Staff" };
export default AccountsPage;
