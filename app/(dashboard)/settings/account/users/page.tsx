import type { Metadata } from "next";
import { UsersPage } from "@/modules/members/components/users-page";

export const metadata: Metadata = { title: "Manage users" };
export default UsersPage;
