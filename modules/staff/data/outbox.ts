/** The email outbox as staff see it: newest first, filterable by recipient, with each email's text. */
import "server-only";
import { getPrisma } from "@/core/registry";
import type { StaffContext } from "@/lib/auth/staff";

export type OutboxRowDto = {
  id: string; kind: string; to: string; subject: string; text: string; status: string;
  attempts: number; lastError: string | null; createdAt: Date; sentAt: Date | null;
};

export async function listOutbox(_staff: StaffContext, to: string): Promise<OutboxRowDto[]> {
  const prisma = await getPrisma();
  return prisma.outboxEmail.findMany({
    where: to ? { to: { contains: to, mode: "insensitive" } } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, kind: true, to: true, subject: true, text: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
  });
}
