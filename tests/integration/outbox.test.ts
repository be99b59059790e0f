/**
 * The outbox (SECURITY-TESTS #29): emails written with the change that causes them, delivered over real SMTP by
 * the worker, retried with backoff while the SMTP server is down and delivered once when it is back; a row whose
 * worker died mid-send is taken again; nothing is sent twice; no body (which may hold a token) is logged.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderEmail } from "@/core/mail/layout";
import { enqueueEmail } from "@/core/mail/outbox";
import { backoffSeconds, startOutboxWorker } from "@/core/mail/worker";
import { getDatabase, getPrisma } from "@/core/registry";
import { TestSmtp } from "../support/smtp";

const smtp = new TestSmtp();
let stopWorker: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stopWorker?.();
  stopWorker = null;
  await smtp.stop();
  smtp.received = [];
});

async function queue(to: string, token = "tok_secret_123") {
  const prisma = await getPrisma();
  return prisma.$transaction((tx) =>
    enqueueEmail(tx, "invitation", to, renderEmail({ subject: `Hello ${to}`, heading: "Hi", paragraphs: ["Welcome"], action: { label: "Open", url: `http://x/invitations/${token}` } })),
  );
}
const rowOf = async (id: string) => (await getPrisma()).outboxEmail.findUniqueOrThrow({ where: { id } });

describe("outbox delivery", () => {
  it("delivers queued emails over SMTP with text and HTML, once each, and logs no body", async () => {
    const url = await smtp.start();
    const log = vi.spyOn(console, "log");
    const ids = [await queue("a@example.test"), await queue("b@example.test")];
    const worker = startOutboxWorker((await getDatabase()).sql, { smtpUrl: url, pollMs: 60_000 });
    stopWorker = worker.stop;
    expect(await worker.tick()).toBeGreaterThanOrEqual(2);
    expect(await worker.tick()).toBe(0);
    const mine = smtp.received.filter((m) => ["a@example.test", "b@example.test"].includes(m.to[0]!));
    expect(mine.map((m) => m.to[0]).sort()).toEqual(["a@example.test", "b@example.test"]);
    expect(mine[0]!.raw).toContain("text/plain");
    expect(mine[0]!.raw).toContain("text/html");
    expect(mine[0]!.raw).toMatch(/Message-ID: <c\w+@outbox\.developers-corner>/i);
    for (const id of ids) expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 1 });
    const lines = log.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith("[mail]"));
    expect(lines.some((l) => l.includes("a@example.test") && l.includes('subject="Hello a@example.test"'))).toBe(true);
    expect(lines.join("\n")).not.toContain("tok_secret_123");
    log.mockRestore();
  });

  it("SMTP down: retried with backoff; back up: delivered exactly once", async () => {
    const url = await smtp.start();
    const port = smtp.port;
    await smtp.stop();
    const id = await queue("down@example.test");
    const worker = startOutboxWorker((await getDatabase()).sql, { smtpUrl: url, pollMs: 60_000 });
    stopWorker = worker.stop;
    await worker.tick();
    const failed = await rowOf(id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed.lastError).toBeTruthy();
    expect(failed.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan((backoffSeconds(1) - 2) * 1000);
    await worker.tick(); // not due yet: nothing happens
    expect((await rowOf(id)).attempts).toBe(1);

    await smtp.start(port);
    await (await getPrisma()).outboxEmail.update({ where: { id }, data: { nextAttemptAt: new Date() } }); // the backoff has passed
    await worker.tick();
    await worker.tick();
    expect(smtp.received.filter((m) => m.to[0] === "down@example.test")).toHaveLength(1);
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("a row left 'sending' by a worker that died is taken again after its lease, and sent once", async () => {
    const url = await smtp.start();
    const id = await queue("lease@example.test");
    await (await getPrisma()).outboxEmail.update({ where: { id }, data: { status: "sending", leaseUntil: new Date(Date.now() - 1000), attempts: 1 } });
    const worker = startOutboxWorker((await getDatabase()).sql, { smtpUrl: url, pollMs: 60_000 });
    stopWorker = worker.stop;
    await worker.tick();
    await worker.tick();
    expect(smtp.received.filter((m) => m.to[0] === "lease@example.test")).toHaveLength(1);
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("two workers at once never send the same row twice", async () => {
    const url = await smtp.start();
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => queue(`pair-${i}@example.test`)));
    const sql = (await getDatabase()).sql;
    const [w1, w2] = [startOutboxWorker(sql, { smtpUrl: url, pollMs: 60_000 }), startOutboxWorker(sql, { smtpUrl: url, pollMs: 60_000 })];
    await Promise.all([w1.tick(), w2.tick(), w1.tick(), w2.tick()]);
    await Promise.all([w1.stop(), w2.stop()]);
    for (let i = 0; i < 6; i++) expect(smtp.received.filter((m) => m.to[0] === `pair-${i}@example.test`)).toHaveLength(1);
    for (const id of ids) expect((await rowOf(id)).status).toBe("sent");
  });
});
