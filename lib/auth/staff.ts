/**
 * Platform staff (User.staff): the only people who may see /staff. Everyone else — signed out, or signed in
 * without the flag — gets a 404 from every staff page and action, as if it did not exist.
 */
import "server-only";
import { notFound } from "next/navigation";
import { auth } from "@/auth";
import { getPrisma } from "@/core/registry";
import { getRequestInfo } from "./context";

export type StaffContext = { userId: string; email: string; ip: string | null; userAgent: string | null };

export async function getStaffContext(): Promise<StaffContext | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await (await getPrisma()).user.findUnique({ where: { id: userId }, select: { email: true, staff: true } });
  if (!user?.staff) return null;
  return { userId, email: user.email, ...(await getRequestInfo()) };
}

/** For staff pages and actions: the staff member, or Next's 404. */
export async function requireStaff(): Promise<StaffContext> {
  const staff = await getStaffContext();
  if (!staff) notFound();
  return staff;
}
