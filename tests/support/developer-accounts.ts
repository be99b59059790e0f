/** Helpers for the developer-account tests: a staff member, a valid request for an account, whitelabel accounts. */
import crypto from "node:crypto";
import { getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/memberships";
import type { StaffContext } from "@/lib/auth/staff";
import type { DeveloperRequestInput } from "@/modules/developer-accounts/schema";

export async function newStaff(): Promise<StaffContext> {
  const user = await (await getPrisma()).user.create({ data: { email: `staff-${crypto.randomUUID()}@example.test`, passwordHash: "x", staff: true } });
  return { userId: user.id, email: user.email, ip: "192.0.2.50", userAgent: "vitest" };
}

export function stagingRequest(ctx: ActorContext, overrides: Partial<DeveloperRequestInput> = {}): DeveloperRequestInput {
  return {
    useCase: "staging", company: `${ctx.accountName} m${ctx.accountNumber}`, contactName: "Olivia Owner", contactEmail: ctx.email,
    description: "A staging environment for the next version of our shop plugin", platform: "", website: "", ...overrides,
  };
}

/** The staff request id behind a developer-account request made by an account. */
export async function staffRequestOf(mainAccountId: string): Promise<string> {
  const r = await (await getPrisma()).developerAccountRequest.findFirstOrThrow({ where: { mainAccountId }, orderBy: { createdAt: "desc" } });
  return r.staffRequestId!;
}

export const outboxTo = async (to: string) => (await getPrisma()).outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
