import type { Metadata } from "next";
import { OutboxPage } from "@/modules/staff/components/outbox-page";

export const metadata: Metadata = { title: "Outbox · Staff" };
export default OutboxPage;
