/** The integrations catalog: submit for review → staff request → approve/decline → public list; withdraw and unlist. */
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/core/registry";
import type { StaffContext } from "@/lib/auth/staff";
import { AppError, ValidationError } from "@/lib/errors";
import { submitForReview, withdrawFromCatalog } from "@/modules/oauth-apps/data/catalog";
import { listCatalog } from "@/modules/oauth-apps/data/queries";
import { unlistFromCatalog } from "@/modules/oauth-apps/public";
import { approveRequest, declineRequest } from "@/modules/staff/data/requests";
import { createTestAccount } from "../support/fixtures";
import { registerApp } from "../support/oauth";

async function staff(): Promise<StaffContext> {
  const user = await (await getPrisma()).user.create({ data: { email: `staff-${crypto.randomUUID()}@example.test`, staff: true, passwordHash: "x" } });
  return { userId: user.id, email: user.email, ip: null, userAgent: "vitest" };
}
const requestOf = async (appId: string) =>
  (await getPrisma()).staffRequest.findFirstOrThrow({ where: { type: "integration", details: { path: ["appId"], equals: appId } }, orderBy: { createdAt: "desc" } });
const statusOf = async (appId: string) => (await (await getPrisma()).oAuthClient.findUniqueOrThrow({ where: { id: appId } })).catalogStatus;

describe("integrations catalog", () => {
  it("submit → approve lists the app publicly; unlist takes it off with the reason", async () => {
    const acct = await createTestAccount("Catalog");
    const { app } = await registerApp(acct.ctx.owner);
    await submitForReview(acct.ctx.admin, { id: app.id, website: "https://shop.example", logoUrl: "" });
    expect(await statusOf(app.id)).toBe("pending");
    await expect(submitForReview(acct.ctx.owner, { id: app.id, website: "https://shop.example", logoUrl: "" })).rejects.toBeInstanceOf(AppError);
    const request = await requestOf(app.id);
    expect(request).toMatchObject({ status: "pending", accountId: acct.accountId, details: expect.objectContaining({ name: app.name, website: "https://shop.example", logoUrl: null }) });
    expect((await listCatalog()).map((a) => a.id)).not.toContain(app.id);
    const s = await staff();
    await approveRequest(s, request.id, 0, "Welcome");
    expect(await statusOf(app.id)).toBe("approved");
    expect(await listCatalog()).toContainEqual({ id: app.id, name: app.name, description: app.description, developerName: app.developerName, website: "https://shop.example", logoUrl: null });
    await unlistFromCatalog(s, app.id, "Broken website");
    expect((await listCatalog()).map((a) => a.id)).not.toContain(app.id);
    expect((await (await getPrisma()).oAuthClient.findUniqueOrThrow({ where: { id: app.id } })).catalogReason).toBe("Unlisted by staff: Broken website");
  });

  it("decline keeps it off with the reason; withdraw closes a pending review; a description is required", async () => {
    const acct = await createTestAccount("Catalog2");
    const { app } = await registerApp(acct.ctx.owner);
    await submitForReview(acct.ctx.owner, { id: app.id, website: "https://a.example", logoUrl: "https://a.example/logo.png" });
    await declineRequest(await staff(), (await requestOf(app.id)).id, "Not an integration");
    expect(await (await getPrisma()).oAuthClient.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({ catalogStatus: "declined", catalogReason: "Not an integration" });
    await submitForReview(acct.ctx.owner, { id: app.id, website: "https://a.example", logoUrl: "" });
    await withdrawFromCatalog(acct.ctx.owner, app.id);
    expect(await statusOf(app.id)).toBe("none");
    expect(await requestOf(app.id)).toMatchObject({ status: "declined", decisionReason: "Withdrawn by the owner" });
    const bare = await registerApp(acct.ctx.owner, { description: "" });
    await expect(submitForReview(acct.ctx.owner, { id: bare.app.id, website: "https://a.example", logoUrl: "" })).rejects.toBeInstanceOf(ValidationError);
  });
});
