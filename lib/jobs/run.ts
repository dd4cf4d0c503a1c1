import "server-only";

import { db } from "@/lib/db";
import { DEFAULT_SEND_TIMEOUT_MS } from "@/lib/email/message";
import { Prisma } from "@/lib/generated/prisma/client";
import { redactString } from "@/lib/observability/redact";
import { runWithRequestContext } from "@/lib/observability/context";
import { logger } from "@/lib/observability/logger";
import { recordJobFailure } from "@/lib/observability/metrics";
import { retryDelayMs } from "./backoff";
import { PermanentJobError, RetryableJobError, type JobContext } from "./define";
import { jobRegistry, type AnyJobDefinition } from "./registry";

export type RunOptions = {
  limit?: number;
  ids?: readonly string[];
  now?: Date;
  sendTimeoutMs?: number;
  deadline?: number;
  registry?: ReadonlyMap<string, AnyJobDefinition>;
};

export type RunResult = {
  sent: number;
  failed: number;
  dead: number;
};

type ClaimedRow = { id: string; kind: string; payload: unknown; attempts: number };
type Outcome = keyof RunResult;

const DEFAULT_LIMIT = 10;
const UNKNOWN_KIND = { maxAttempts: 8, concurrency: 1 };

// SKIP LOCKED claims under a batch-wide lease, capped per kind by an advisory lock; attempts count
// at the claim, so a crashing job runs out. Transactional kinds finish exactly once, others key on
// the job id. Database errors throw (rows return with the lease); job errors are counted, logged.
export async function runJobs(options: RunOptions = {}): Promise<RunResult> {
  const result: RunResult = { sent: 0, failed: 0, dead: 0 };
  if (options.ids?.length === 0) return result;

  const registry = options.registry ?? jobRegistry;
  const startedAt = Date.now();
  const start = options.now ?? new Date(startedAt);
  // `options.now` shifts the clock; it still advances while the batch runs.
  const clock = () => new Date(start.getTime() + (Date.now() - startedAt));
  const limit = Math.min(Math.max(Math.floor(options.limit ?? DEFAULT_LIMIT), 1), 100);
  const timeoutMs = options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;

  const now = clock();
  // Jobs run one after another: the lease covers each one timing out, plus the round trips.
  const lease = new Date(now.getTime() + limit * (timeoutMs + 5_000) + 60_000);
  const rows = await claim({ now, lease, limit, ids: options.ids, registry });

  const followUps: string[] = [];
  for (const [index, row] of rows.entries()) {
    if (options.deadline !== undefined && Date.now() > options.deadline) {
      await release(rows.slice(index), lease);
      break;
    }
    const outcome = await runWithRequestContext(
      { jobId: row.id, jobKind: row.kind, route: row.kind },
      () => runRow(row, registry.get(row.kind), { clock, lease, timeoutMs, followUps }),
    );
    result[outcome] += 1;
  }
  // What the jobs queued (e.g. a sign-up's email) runs now rather than at the next drain.
  if (followUps.length > 0) {
    const more = await runJobs({ ...options, ids: followUps, limit: followUps.length });
    result.sent += more.sent;
    result.failed += more.failed;
    result.dead += more.dead;
  }
  return result;
}

// Until each has run or waits for a retry, within `budgetMs`: a kind with a concurrency limit is
// claimed a few rows at a time, so one batch may not reach them all.
export async function runNamedJobs(
  ids: readonly string[],
  {
    budgetMs = 120_000,
    ...options
  }: Omit<RunOptions, "ids" | "limit" | "deadline"> & {
    budgetMs?: number;
  } = {},
): Promise<RunResult> {
  const deadline = Date.now() + budgetMs;
  const total: RunResult = { sent: 0, failed: 0, dead: 0 };
  while (ids.length > 0 && Date.now() < deadline) {
    const batch = await runJobs({ ...options, ids, limit: ids.length, deadline });
    total.sent += batch.sent;
    total.failed += batch.failed;
    total.dead += batch.dead;
    if (batch.sent + batch.failed + batch.dead === 0) break;
  }
  return total;
}

export type DrainOptions = Omit<RunOptions, "limit" | "deadline" | "ids"> & {
  budgetMs?: number;
  batchSize?: number;
};

export async function drainJobs({
  budgetMs = 20_000,
  batchSize = DEFAULT_LIMIT,
  ...options
}: DrainOptions = {}): Promise<RunResult> {
  const deadline = Date.now() + budgetMs;
  const total: RunResult = { sent: 0, failed: 0, dead: 0 };
  while (Date.now() < deadline) {
    const batch = await runJobs({ ...options, limit: batchSize, deadline });
    total.sent += batch.sent;
    total.failed += batch.failed;
    total.dead += batch.dead;
    if (batch.sent + batch.failed + batch.dead < batchSize) break;
  }
  return total;
}

type ClaimInput = {
  now: Date;
  lease: Date;
  limit: number;
  ids: readonly string[] | undefined;
  registry: ReadonlyMap<string, AnyJobDefinition>;
};

async function claim({ now, lease, limit, ids, registry }: ClaimInput): Promise<ClaimedRow[]> {
  const onlyIds = ids ? Prisma.sql`AND "id" IN (${Prisma.join(ids)})` : Prisma.empty;
  const due = Prisma.sql`"status" = 'PENDING'
    AND "availableAt" <= ${now}
    AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
    ${onlyIds}`;
  const kinds = await db.$queryRaw<{ kind: string }[]>`
    SELECT "kind" FROM "OutboxMessage" WHERE ${due}
    GROUP BY "kind" ORDER BY min("availableAt")`;

  const claimed: ClaimedRow[] = [];
  for (const { kind } of kinds) {
    const room = limit - claimed.length;
    if (room <= 0) break;
    const concurrency = (registry.get(kind) ?? UNKNOWN_KIND).concurrency;
    const rows = await db.$transaction(async (tx) => {
      // Serialises claims of a kind, so the count below stays true until this claim commits.
      await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${`keel.jobs:${kind}`}))`;
      const [running] = await tx.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS "count" FROM "OutboxMessage"
        WHERE "kind" = ${kind} AND "status" = 'PENDING' AND "lockedUntil" >= ${now}`;
      const slots = Math.min(room, concurrency - (running?.count ?? 0));
      if (slots <= 0) return [];
      return tx.$queryRaw<ClaimedRow[]>`
        UPDATE "OutboxMessage"
        SET "lockedUntil" = ${lease}, "attempts" = "attempts" + 1
        WHERE "id" IN (
          SELECT "id" FROM "OutboxMessage"
          WHERE ${due} AND "kind" = ${kind}
          ORDER BY "availableAt"
          LIMIT ${slots}
          FOR UPDATE SKIP LOCKED
        )
        RETURNING "id", "kind", "payload", "attempts"`;
    });
    claimed.push(...rows);
  }
  return claimed;
}

type RowContext = { clock: () => Date; lease: Date; timeoutMs: number; followUps: string[] };

class LeaseLostError extends Error {
  constructor() {
    super("The row was taken over by another worker");
    this.name = "LeaseLostError";
  }
}

async function runRow(
  row: ClaimedRow,
  definition: AnyJobDefinition | undefined,
  context: RowContext,
): Promise<Outcome> {
  const limits = definition ?? UNKNOWN_KIND;
  if (row.attempts > limits.maxAttempts) {
    // The previous worker took the last attempt and never reported back.
    return recordFailure(row, definition, context, "Stopped during its last attempt", false);
  }
  if (!definition) {
    return recordFailure(row, definition, context, `No handler for job kind "${row.kind}"`, true);
  }
  const parsed = definition.payload.safeParse(row.payload);
  if (!parsed.success) {
    return recordFailure(row, definition, context, `Payload is not a valid ${row.kind}`, false);
  }
  const done = {
    status: "SENT" as const,
    lockedUntil: null,
    lastError: null,
    ...(definition.sensitivePayload ? { payload: {} } : {}),
  };
  const jobContext = (client: Prisma.TransactionClient): JobContext => ({
    jobId: row.id,
    attempt: row.attempts,
    now: context.clock(),
    timeoutMs: context.timeoutMs,
    db: client,
  });
  try {
    if (definition.transactional) {
      const queued = await db.$transaction(async (tx) => {
        const ids = await definition.handler(parsed.data, jobContext(tx));
        const marked = await tx.outboxMessage.updateMany({
          where: { id: row.id, status: "PENDING", lockedUntil: context.lease },
          data: { ...done, sentAt: context.clock() },
        });
        if (marked.count !== 1) throw new LeaseLostError();
        return ids;
      });
      context.followUps.push(...(queued ?? []));
    } else {
      const queued = await definition.handler(parsed.data, jobContext(db));
      // Only this row's pending state: a rerun after a lapsed lease was harmless (idempotent).
      await db.outboxMessage.updateMany({
        where: { id: row.id, status: "PENDING" },
        data: { ...done, sentAt: context.clock() },
      });
      context.followUps.push(...(queued ?? []));
    }
    return "sent";
  } catch (error) {
    const known = error instanceof PermanentJobError || error instanceof RetryableJobError;
    const name = error instanceof Error ? error.name : "Error";
    const message = error instanceof Error ? error.message : String(error);
    return recordFailure(
      row,
      definition,
      context,
      known ? message : `${name}: ${message}`,
      !(error instanceof PermanentJobError),
    );
  }
}

async function recordFailure(
  row: ClaimedRow,
  definition: AnyJobDefinition | undefined,
  { clock, lease }: RowContext,
  error: string,
  retryable: boolean,
): Promise<"failed" | "dead"> {
  const lastError = sanitize(error);
  const where = { id: row.id, status: "PENDING" as const, lockedUntil: lease };
  const maxAttempts = (definition ?? UNKNOWN_KIND).maxAttempts;
  const attempt = `${row.attempts}/${maxAttempts}`;

  if (retryable && row.attempts < maxAttempts) {
    const delayMs = retryDelayMs(row.attempts);
    await db.outboxMessage.updateMany({
      where,
      data: { availableAt: new Date(clock().getTime() + delayMs), lockedUntil: null, lastError },
    });
    recordJobFailure(row.kind, "retry");
    logger.warn(
      `[jobs] ${row.kind} ${row.id} failed (attempt ${attempt}), retrying in ${Math.round(delayMs / 1000)} s: ${lastError}`,
    );
    return "failed";
  }
  await db.outboxMessage.updateMany({
    where,
    data: {
      status: "DEAD",
      lockedUntil: null,
      lastError,
      ...(definition?.sensitivePayload ? { payload: {} } : {}),
    },
  });
  recordJobFailure(row.kind, "dead");
  logger.error(`[jobs] ${row.kind} ${row.id} is DEAD (attempt ${attempt}): ${lastError}`);
  return "dead";
}

// Untried: the claim's attempt is not counted.
async function release(rows: ClaimedRow[], lease: Date): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id: { in: rows.map((row) => row.id) }, status: "PENDING", lockedUntil: lease },
    data: { lockedUntil: null, attempts: { decrement: 1 } },
  });
}

// Stored and logged: one short line, with anything shaped like a credential or token stripped.
function sanitize(error: string): string {
  return redactString(error).replace(/\s+/g, " ").trim().slice(0, 300);
}
