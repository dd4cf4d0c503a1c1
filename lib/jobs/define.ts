import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

export type JobContext = {
  /** The row id: stable across retries, the idempotency key for calls outside the database. */
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  now: Date;
  /** The bound on any one external call the handler makes. */
  timeoutMs: number;
  /**
   * Transactional kinds: the transaction that also marks the job done, so database work
   * happens exactly once. Other kinds: the app's client.
   */
  db: Prisma.TransactionClient;
};

/** Returns the ids of jobs it queued (e.g. emails), which run right after it. */
export type JobHandler<Payload> = (
  payload: Payload,
  context: JobContext,
) => Promise<readonly string[] | void>;

export type JobDefinition<Kind extends string = string, Payload = unknown> = {
  kind: Kind;
  payload: z.ZodType<Payload>;
  handler: JobHandler<Payload>;
  /** Attempts before the job is dead-lettered. */
  maxAttempts: number;
  /** Most jobs of this kind running at once, across every runner. */
  concurrency: number;
  /** Run the handler in the transaction that marks the job done (database-only work). */
  transactional?: boolean;
  /** Empty the payload once the job is done or dead: it holds a secret (a password hash). */
  sensitivePayload?: boolean;
};

/** One job kind: a file in lib/jobs/kinds/ plus a line in lib/jobs/registry.ts. */
export function defineJob<const Kind extends string, Payload>(
  definition: JobDefinition<Kind, Payload>,
): JobDefinition<Kind, Payload> {
  return definition;
}

/** Thrown by a handler when trying again cannot help: the job is dead-lettered at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

/** A retryable failure whose message is already short and safe to store. */
export class RetryableJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryableJobError";
  }
}
