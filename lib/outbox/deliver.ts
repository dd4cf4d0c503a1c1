import "server-only";

import { db } from "@/lib/db";
import { DEFAULT_SEND_TIMEOUT_MS } from "@/lib/email/message";
import { sendEmail, type SendResult } from "@/lib/email/transport";
import { Prisma } from "@/lib/generated/prisma/client";
import { redactTokens } from "@/lib/http/redact-url";
import { retryDelayMs, retryPolicy } from "./backoff";
import { EMAIL_KIND, emailPayloadSchema } from "./enqueue";
import { jobHandlers, type JobHandler } from "./jobs";
import { runWithRequestContext } from "@/lib/observability/context";
import { logger } from "@/lib/observability/logger";
import { recordJobFailure } from "@/lib/observability/metrics";

export type DeliverOptions = {
  /** Most rows taken in this call (default 10, at most 100). */
  limit?: number;
  /** Only these rows (when they are due). */
  ids?: readonly string[];
  /** The current time; tests pass a later one instead of waiting for backoff. */
  now?: Date;
  /** Per-send timeout (default 10 s). */
  sendTimeoutMs?: number;
  /** Epoch ms after which no new send starts; rows not yet tried are handed back. */
  deadline?: number;
};

export type DeliverResult = {
  /** Delivered and marked SENT. */
  sent: number;
  /** Failed and rescheduled with backoff. */
  failed: number;
  /** Failed for good (permanent error or out of attempts), marked DEAD. */
  dead: number;
};

type ClaimedRow = { id: string; kind: string; payload: unknown; attempts: number };

const DEFAULT_LIMIT = 10;

/**
 * Delivers due outbox messages and records each outcome.
 *
 * Exactly-once, as far as the mail provider allows:
 * - Rows are claimed in one statement (`FOR UPDATE SKIP LOCKED`) that sets a lease
 *   (`lockedUntil`) long enough for the whole batch, so concurrent drainers (the
 *   `after()` of several requests, the cron) never take the same row.
 * - Each send uses the row id as the provider's idempotency key: if a send times out
 *   after the provider accepted it, or a worker dies before recording success, the
 *   retry is recognised and not delivered twice.
 * - A row is marked SENT only after the provider accepted it. A failure is recorded
 *   (short `lastError`, no secrets) and the row rescheduled with exponential backoff;
 *   after `retryPolicy.maxAttempts` attempts, or on a permanent error, it is DEAD.
 * - Attempts are counted when a row is claimed, so a message that keeps crashing its
 *   worker still runs out of attempts instead of being retried for ever.
 *
 * Database errors are thrown (nothing is lost: claimed rows become available again
 * when their lease ends). Delivery errors are not; they are counted and logged.
 */
export async function deliverOutbox(options: DeliverOptions = {}): Promise<DeliverResult> {
  const result: DeliverResult = { sent: 0, failed: 0, dead: 0 };
  if (options.ids?.length === 0) return result;

  const startedAt = Date.now();
  const start = options.now ?? new Date(startedAt);
  // `options.now` shifts the clock; it still advances while the batch runs.
  const clock = () => new Date(start.getTime() + (Date.now() - startedAt));
  const limit = Math.min(Math.max(Math.floor(options.limit ?? DEFAULT_LIMIT), 1), 100);
  const timeoutMs = options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;

  const now = clock();
  // Sends in a batch are sequential (providers rate-limit), so the lease covers
  // every send timing out, plus a margin for the database round trips.
  const lease = new Date(now.getTime() + limit * (timeoutMs + 5_000) + 60_000);
  const onlyIds = options.ids
    ? Prisma.sql`AND "id" IN (${Prisma.join(options.ids)})`
    : Prisma.empty;

  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxMessage"
    SET "lockedUntil" = ${lease}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'PENDING'
        AND "availableAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
        ${onlyIds}
      ORDER BY "availableAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "payload", "attempts"`;

  const followUps: string[] = [];
  for (const [index, row] of rows.entries()) {
    if (options.deadline !== undefined && Date.now() > options.deadline) {
      await release(rows.slice(index), lease);
      break;
    }
    const outcome = await runWithRequestContext(
      { jobId: row.id, jobKind: row.kind, route: row.kind },
      () => deliverRow(row, { clock, lease, timeoutMs, followUps }),
    );
    result[outcome] += 1;
  }
  // The emails that jobs (e.g. a sign-up) queued go out now rather than at the next drain.
  if (followUps.length > 0) {
    const more = await deliverOutbox({ ...options, ids: followUps, limit: followUps.length });
    result.sent += more.sent;
    result.failed += more.failed;
    result.dead += more.dead;
  }
  return result;
}

export type DrainOptions = Omit<DeliverOptions, "limit" | "deadline" | "ids"> & {
  /** Stop starting new sends after this long (default 20 s). */
  budgetMs?: number;
  batchSize?: number;
};

/** Delivers batch after batch until nothing is due or the time budget is spent. */
export async function drainOutbox({
  budgetMs = 20_000,
  batchSize = DEFAULT_LIMIT,
  ...options
}: DrainOptions = {}): Promise<DeliverResult> {
  const deadline = Date.now() + budgetMs;
  const total: DeliverResult = { sent: 0, failed: 0, dead: 0 };
  while (Date.now() < deadline) {
    const batch = await deliverOutbox({ ...options, limit: batchSize, deadline });
    total.sent += batch.sent;
    total.failed += batch.failed;
    total.dead += batch.dead;
    if (batch.sent + batch.failed + batch.dead < batchSize) break;
  }
  return total;
}

type RowContext = { clock: () => Date; lease: Date; timeoutMs: number; followUps: string[] };

async function deliverRow(row: ClaimedRow, context: RowContext): Promise<keyof DeliverResult> {
  if (row.attempts > retryPolicy.maxAttempts) {
    // The previous worker took the last attempt and never reported back.
    return recordFailure(row, context, {
      ok: false,
      error: "Stopped during its last attempt",
      retryable: false,
    });
  }
  const job = jobHandlers[row.kind];
  if (job) return runJob(row, job, context);
  const outcome = await send(row, context.timeoutMs);
  if (!outcome.ok) return recordFailure(row, context, outcome);
  // Only this row's pending state is checked: if the lease ran out and another
  // worker re-sent it, the provider de-duplicated that send and SENT is still true.
  await db.outboxMessage.updateMany({
    where: { id: row.id, status: "PENDING" },
    data: { status: "SENT", sentAt: context.clock(), lockedUntil: null, lastError: null },
  });
  return "sent";
}

class LeaseLostError extends Error {
  constructor() {
    super("The row was taken over by another worker");
    this.name = "LeaseLostError";
  }
}

/**
 * Runs a job row's work and marks the row SENT in one transaction: either both happen or
 * neither, so a job never runs twice. The payload is emptied with it (a sign-up's holds a
 * password hash). A failure is retried with the same backoff as an email.
 */
async function runJob(
  row: ClaimedRow,
  handler: JobHandler,
  context: RowContext,
): Promise<keyof DeliverResult> {
  try {
    const emailIds = await db.$transaction(async (tx) => {
      const ids = await handler(tx, row.payload, context.clock());
      const done = await tx.outboxMessage.updateMany({
        where: { id: row.id, status: "PENDING", lockedUntil: context.lease },
        data: {
          status: "SENT",
          sentAt: context.clock(),
          lockedUntil: null,
          lastError: null,
          payload: {},
        },
      });
      if (done.count !== 1) throw new LeaseLostError();
      return ids;
    });
    context.followUps.push(...emailIds);
    return "sent";
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    const message = error instanceof Error ? error.message : String(error);
    return recordFailure(row, context, {
      ok: false,
      error: `${name}: ${message}`,
      retryable: name !== "InvalidSignUpJobError",
    });
  }
}

async function send(row: ClaimedRow, timeoutMs: number): Promise<SendResult> {
  if (row.kind !== EMAIL_KIND) {
    return { ok: false, error: `No handler for outbox kind "${row.kind}"`, retryable: true };
  }
  const payload = emailPayloadSchema.safeParse(row.payload);
  if (!payload.success) {
    return { ok: false, error: "Payload is not a valid email", retryable: false };
  }
  const { to, subject, html, text } = payload.data;
  try {
    return await sendEmail({ id: row.id, to, subject, html, text }, { timeoutMs });
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${name}: ${message}`, retryable: true };
  }
}

async function recordFailure(
  row: ClaimedRow,
  { clock, lease }: RowContext,
  failure: Extract<SendResult, { ok: false }>,
): Promise<"failed" | "dead"> {
  const lastError = sanitize(failure.error);
  const where = { id: row.id, status: "PENDING" as const, lockedUntil: lease };
  const attempt = `${row.attempts}/${retryPolicy.maxAttempts}`;

  if (failure.retryable && row.attempts < retryPolicy.maxAttempts) {
    const delayMs = retryDelayMs(row.attempts);
    await db.outboxMessage.updateMany({
      where,
      data: { availableAt: new Date(clock().getTime() + delayMs), lockedUntil: null, lastError },
    });
    recordJobFailure(row.kind, "retry");
    logger.warn(
      `[outbox] ${row.kind} ${row.id} failed (attempt ${attempt}), retrying in ${Math.round(delayMs / 1000)} s: ${lastError}`,
    );
    return "failed";
  }
  await db.outboxMessage.updateMany({
    where,
    // A dead job's payload is dropped: a sign-up's holds a password hash.
    data: {
      status: "DEAD",
      lockedUntil: null,
      lastError,
      ...(row.kind in jobHandlers ? { payload: {} } : {}),
    },
  });
  recordJobFailure(row.kind, "dead");
  logger.error(`[outbox] ${row.kind} ${row.id} is DEAD (attempt ${attempt}): ${lastError}`);
  return "dead";
}

/** Hands claimed rows back untried: the claim's attempt is not counted. */
async function release(rows: ClaimedRow[], lease: Date): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id: { in: rows.map((row) => row.id) }, status: "PENDING", lockedUntil: lease },
    data: { lockedUntil: null, attempts: { decrement: 1 } },
  });
}

/**
 * Error text is stored and logged: keep it short, on one line, and strip anything
 * shaped like a credential or a link's token in case a provider echoes one back.
 */
function sanitize(error: string): string {
  return redactTokens(error)
    .replace(/\bre_[A-Za-z0-9_]+/g, "re_[redacted]")
    .replace(/\bBearer\s+\S+/gi, "Bearer [redacted]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 300);
}
