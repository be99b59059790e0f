/**
 * Delivers the outbox over SMTP (nodemailer) from inside the server process. Rows are claimed with a lease
 * (FOR UPDATE SKIP LOCKED, so several instances never take the same row), sent, and marked sent; a failure is
 * retried with exponential backoff (5 s doubling, at most 30 min; given up after 10 attempts); a row whose
 * worker died mid-send is taken again when its lease runs out. Each message carries a Message-ID derived from
 * its row, so a receiver can tell the one rare duplicate (crash between the SMTP answer and the update) apart.
 */
import nodemailer, { type Transporter } from "nodemailer";
import type { SqlRunner } from "@/core/db/migrate";

export type OutboxWorkerOptions = { smtpUrl: string; from?: string; pollMs?: number; leaseSeconds?: number; maxAttempts?: number };
type Claimed = { id: string; to: string; subject: string; text: string; html: string; attempts: number };

export const backoffSeconds = (attempts: number) => Math.min(5 * 2 ** (attempts - 1), 30 * 60);

export function startOutboxWorker(sql: SqlRunner, options: OutboxWorkerOptions): { stop: () => Promise<void>; tick: () => Promise<number> } {
  const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
  const from = options.from ?? process.env.MAIL_FROM ?? "Developer's corner <no-reply@developers-corner.local>";
  const lease = options.leaseSeconds ?? 60;
  const maxAttempts = options.maxAttempts ?? 10;
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;

  async function claim(): Promise<Claimed[]> {
    const { rows } = await sql.query<Claimed>(
      `UPDATE "OutboxEmail" SET "status" = 'sending', "leaseUntil" = now() + ($1 || ' seconds')::interval, "attempts" = "attempts" + 1
       WHERE "id" IN (SELECT "id" FROM "OutboxEmail"
         WHERE ("status" = 'pending' AND "nextAttemptAt" <= now()) OR ("status" = 'sending' AND "leaseUntil" < now())
         ORDER BY "createdAt" LIMIT 10 FOR UPDATE SKIP LOCKED)
       RETURNING "id", "to", "subject", "text", "html", "attempts"`,
      [String(lease)],
    );
    return rows;
  }

  async function deliver(row: Claimed): Promise<void> {
    try {
      await transport.sendMail({ from, to: row.to, subject: row.subject, text: row.text, html: row.html, messageId: `<${row.id}@outbox.developers-corner>` });
      await sql.query(`UPDATE "OutboxEmail" SET "status" = 'sent', "sentAt" = now(), "leaseUntil" = NULL, "lastError" = NULL WHERE "id" = $1`, [row.id]);
      console.log(`[mail] sent ${row.id} to=${row.to} subject="${row.subject}"`);
    } catch (e) {
      const failed = row.attempts >= maxAttempts;
      const error = (e as Error).message.slice(0, 300);
      await sql.query(
        `UPDATE "OutboxEmail" SET "status" = $2::"OutboxStatus", "leaseUntil" = NULL, "lastError" = $3,
           "nextAttemptAt" = now() + ($4 || ' seconds')::interval WHERE "id" = $1`,
        [row.id, failed ? "failed" : "pending", error, String(backoffSeconds(row.attempts))],
      );
      console.error(`[mail] ${failed ? "gave up on" : "will retry"} ${row.id} to=${row.to} after attempt ${row.attempts}: ${error}`);
    }
  }

  /** One round: claim what is due and deliver it; answers how many were attempted. */
  const tick = () => {
    running = running.catch(() => 0).then(async () => {
      if (stopped) return 0;
      const rows = await claim();
      for (const row of rows) await deliver(row);
      return rows.length;
    });
    return running;
  };

  const timer = setInterval(() => void tick().catch((e: Error) => console.error(`[mail] outbox round failed: ${e.message}`)), options.pollMs ?? 2000);
  timer.unref();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => 0);
      transport.close();
    },
  };
}
