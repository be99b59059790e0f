/**
 * The public form for system integrators (no sign-in): rate limited per IP and per email, a honeypot that makes
 * a bot's submission look accepted while nothing is stored, and an email link (single use, 24 hours, only its
 * SHA-256 kept) that must be opened before the request reaches staff.
 */
import "server-only";
import crypto from "node:crypto";
import { getPrisma } from "@/core/registry";
import { AppError } from "@/lib/errors";
import type { PublicRequestInput } from "../schema";
import { takePublicRequestSlot } from "./abuse";
import { confirmationEmail } from "./emails";
import { staffDetails } from "./requests";

const DAY_MS = 86_400_000;
const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
const DEAD_LINK = "This confirmation link is no longer valid. Send the form again.";

export async function submitPublicRequest(input: PublicRequestInput, client: { ip: string | null }): Promise<{ sentTo: string }> {
  // A filled honeypot: answer as if accepted (a bot learns nothing), store and send nothing.
  if (input.fax !== "") return { sentTo: input.contactEmail };
  await takePublicRequestSlot(client.ip, input.contactEmail);
  const token = crypto.randomBytes(32).toString("base64url");
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await tx.developerAccountRequest.create({
      data: {
        useCase: "integrator", status: "unconfirmed", company: input.company, contactName: input.contactName, contactEmail: input.contactEmail,
        description: input.description, platform: input.platform, website: input.website, ip: client.ip,
        confirmTokenHash: hash(token), confirmExpiresAt: new Date(Date.now() + DAY_MS),
      },
    });
    await confirmationEmail(tx, input.contactEmail, token);
  });
  return { sentTo: input.contactEmail };
}

/** For the confirmation page: the request's email while its link is valid, else null (one answer for all). */
export async function findConfirmation(token: string): Promise<{ email: string } | null> {
  if (token.length > 200) return null;
  const row = await (await getPrisma()).developerAccountRequest.findUnique({
    where: { confirmTokenHash: hash(token) },
    select: { contactEmail: true, status: true, confirmExpiresAt: true },
  });
  if (!row || row.status !== "unconfirmed" || !row.confirmExpiresAt || row.confirmExpiresAt <= new Date()) return null;
  return { email: row.contactEmail };
}

/** Single use: one conditional update claims the link; then the request joins the staff queue. */
export async function confirmPublicRequest(token: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "DeveloperAccountRequest" SET "status" = 'pending', "confirmedAt" = now(), "confirmTokenHash" = NULL
      WHERE "confirmTokenHash" = ${hash(token)} AND "status" = 'unconfirmed' AND "confirmExpiresAt" > now()
      RETURNING "id"`;
    if (!claimed) throw new AppError(DEAD_LINK);
    const r = await tx.developerAccountRequest.findUniqueOrThrow({ where: { id: claimed.id } });
    const input = { ...r, useCase: "integrator" as const, platform: r.platform ?? "", website: r.website ?? "" };
    const staff = await tx.staffRequest.create({
      data: { type: "developer_account", requesterEmail: r.contactEmail, details: staffDetails(input, null) },
      select: { id: true },
    });
    await tx.developerAccountRequest.update({ where: { id: r.id }, data: { staffRequestId: staff.id } });
  });
}
