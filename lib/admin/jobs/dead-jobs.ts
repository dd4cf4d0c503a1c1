import "server-only";

import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { discardDeadJob, retryDeadJob } from "@/lib/jobs/dead-letters";
import { recordEnqueued } from "@/lib/jobs/request-scope";
import { recordStaffAudit } from "../audit";
import type { StaffContext } from "../context";
import { maskEmail, maskEmailsIn } from "./mask";

export type ConsoleDeadJob = {
  id: string;
  kind: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  /** An email's recipient, partly masked; null for other kinds. */
  recipient: string | null;
};

type JobInput = { jobId: string; reason: string };

// Only the recipient is read from the payload: an email's body may carry sign-in links.
export async function listDeadJobsForConsole(limit = 100): Promise<ConsoleDeadJob[]> {
  const rows = await db.$queryRaw<
    {
      id: string;
      kind: string;
      attempts: number;
      lastError: string | null;
      createdAt: Date;
      to: string | null;
    }[]
  >`
    SELECT "id", "kind", "attempts", "lastError", "createdAt",
      CASE WHEN "kind" = 'email' THEN "payload"->>'to' END AS "to"
    FROM "OutboxMessage"
    WHERE "status" = 'DEAD'
    ORDER BY "createdAt" DESC
    LIMIT ${limit}`;
  return rows.map(({ to, lastError, ...row }) => ({
    ...row,
    lastError: lastError === null ? null : maskEmailsIn(lastError),
    recipient: to ? maskEmail(to) : null,
  }));
}

async function deadJob(id: string) {
  const [row] = await db.$queryRaw<
    { kind: string; attempts: number; lastError: string | null; to: string | null }[]
  >`
    SELECT "kind", "attempts", "lastError",
      CASE WHEN "kind" = 'email' THEN "payload"->>'to' END AS "to"
    FROM "OutboxMessage"
    WHERE "id" = ${id} AND "status" = 'DEAD'`;
  if (!row) throw notFound("That job");
  return {
    kind: row.kind,
    attempts: row.attempts,
    lastError: row.lastError === null ? null : maskEmailsIn(row.lastError).slice(0, 500),
    recipient: row.to ? maskEmail(row.to) : null,
  };
}

/** Puts a dead job back in the queue with fresh attempts; it runs after this response. */
export async function retryDeadJobFromConsole(
  ctx: StaffContext,
  input: JobInput,
): Promise<{ id: string; kind: string }> {
  const job = await deadJob(input.jobId);
  await db.$transaction(async (tx) => {
    if (!(await retryDeadJob(input.jobId, new Date(), tx))) throw notFound("That job");
    await recordStaffAudit(tx, ctx, {
      action: "staff.job_retried",
      reason: input.reason,
      targetType: "job",
      targetId: input.jobId,
      metadata: { kind: job.kind, attempts: job.attempts },
    });
  });
  recordEnqueued(input.jobId);
  return { id: input.jobId, kind: job.kind };
}

/** Deletes a dead job; the audit entry keeps what it was. */
export async function discardDeadJobFromConsole(
  ctx: StaffContext,
  input: JobInput,
): Promise<{ id: string; kind: string }> {
  const job = await deadJob(input.jobId);
  await db.$transaction(async (tx) => {
    if (!(await discardDeadJob(input.jobId, tx))) throw notFound("That job");
    await recordStaffAudit(tx, ctx, {
      action: "staff.job_discarded",
      reason: input.reason,
      targetType: "job",
      targetId: input.jobId,
      metadata: { ...job },
    });
  });
  return { id: input.jobId, kind: job.kind };
}
