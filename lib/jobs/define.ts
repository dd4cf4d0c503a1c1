import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

export type JobContext = {
  /** Stable across retries: the idempotency key for calls outside the database. */
  jobId: string;
  attempt: number;
  now: Date;
  timeoutMs: number;
  // Transactional kinds get the transaction that marks the job done: their work happens exactly once.
  db: Prisma.TransactionClient;
};

export type JobHandler<Payload> = (
  payload: Payload,
  context: JobContext,
) => Promise<readonly string[] | void>;

export type JobDefinition<Kind extends string = string, Payload = unknown> = {
  kind: Kind;
  payload: z.ZodType<Payload>;
  handler: JobHandler<Payload>;
  maxAttempts: number;
  concurrency: number;
  transactional?: boolean;
  // Emptied once the job is done or dead: it holds a secret (a password hash).
  sensitivePayload?: boolean;
};

export function defineJob<const Kind extends string, Payload>(
  definition: JobDefinition<Kind, Payload>,
): JobDefinition<Kind, Payload> {
  return definition;
}

export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

export class RetryableJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryableJobError";
  }
}
