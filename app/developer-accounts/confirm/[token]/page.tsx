import type { Metadata } from "next";
import { ConfirmPage } from "@/modules/developer-accounts/components/confirm-page";

// The link carries a single-use token: never send it on as a referrer.
export const metadata: Metadata = { title: "Confirm your request", referrer: "no-referrer" };
export default ConfirmPage;
