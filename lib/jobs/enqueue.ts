import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEnqueued } from "./request-scope";

/** Each kind's payload type, filled in by ./registry.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JobPayloads {}
export type JobKind = keyof JobPayloads & string;
export type JobPayload<Kind extends JobKind> = JobPayloads[Kind];

export type EnqueueOptions = {
  /** Not before this time (delayed jobs). Default: now. */
  runAt?: Date;
  /**
   * Makes enqueueing idempotent: while a row with this key exists, enqueueing again does
   * nothing and returns that row's id.
   */
  dedupeKey?: string;
};

/**
 * Queues a job, to run once `client`'s transaction commits; returns its id. Pass the
 * transaction that makes the change the job is about, so both commit or neither does.
 * The payload is checked against the kind's schema when the job runs (a payload that
 * does not match is dead-lettered): this module does not load the handlers, so every
 * domain can enqueue without importing the others.
 */
export async function enqueueJob<Kind extends JobKind>(
  client: Prisma.TransactionClient,
  kind: Kind,
  payload: JobPayload<Kind>,
  options: EnqueueOptions = {},
): Promise<string> {
  const id = await insertJob(client, kind, payload, options);
  // The request that queued it delivers it after its response (lib/outbox/after-response.ts).
  recordEnqueued(id);
  return id;
}

async function insertJob(
  client: Prisma.TransactionClient,
  kind: string,
  payload: unknown,
  options: EnqueueOptions,
): Promise<string> {
  // Set here rather than by the database default, so `availableAt` and the times the
  // runner compares it with all come from the same (application) clock.
  const data = {
    kind,
    payload: payload as Prisma.InputJsonValue,
    availableAt: options.runAt ?? new Date(),
  };
  if (options.dedupeKey === undefined) {
    const row = await client.outboxMessage.create({ data, select: { id: true } });
    return row.id;
  }
  // INSERT … ON CONFLICT DO NOTHING: unlike catching a unique violation, it leaves the
  // caller's transaction usable, and a concurrent enqueue with the same key waits for
  // the other one instead of failing.
  const [created] = await client.outboxMessage.createManyAndReturn({
    data: [{ ...data, dedupeKey: options.dedupeKey }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (created) return created.id;
  const existing = await client.outboxMessage.findUniqueOrThrow({
    where: { dedupeKey: options.dedupeKey },
    select: { id: true },
  });
  return existing.id;
}
