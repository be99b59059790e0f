import type { Metadata } from "next";
import { InvitationPage } from "@/modules/members/components/invitation-page";

// The link carries a single-use token: never send it on as a referrer.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };
export default InvitationPage;
