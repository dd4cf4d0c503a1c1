import "server-only";

import { runSignUpJob, SIGN_UP_KIND } from "@/lib/auth/flows/sign-up";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Outbox rows that are work to carry out rather than emails to send. A handler runs
 * inside the transaction that marks its row done, so the work happens exactly once
 * however many times the row is tried, and returns the outbox ids of the emails it
 * queued (delivered right after). It throws to be retried with the outbox's backoff.
 */
export type JobHandler = (
  tx: Prisma.TransactionClient,
  payload: unknown,
  now: Date,
) => Promise<string[]>;

export const jobHandlers: Record<string, JobHandler> = {
  [SIGN_UP_KIND]: runSignUpJob,
};
