import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEnqueued } from "./request-scope";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JobPayloads {}
export type JobKind = keyof JobPayloads & string;
export type JobPayload<Kind extends JobKind> = JobPayloads[Kind];

export type EnqueueOptions = {
  runAt?: Date;
  dedupeKey?: string;
};

// Pass the transaction that makes the change, so both commit or neither does. The payload is
// checked when the job runs, so this module need not import (every domain's) handlers.
export async function enqueueJob<Kind extends JobKind>(
  client: Prisma.TransactionClient,
  kind: Kind,
  payload: JobPayload<Kind>,
  options: EnqueueOptions = {},
): Promise<string> {
  const id = await insertJob(client, kind, payload, options);
  recordEnqueued(id);
  return id;
}

async function insertJob(
  client: Prisma.TransactionClient,
  kind: string,
  payload: unknown,
  options: EnqueueOptions,
): Promise<string> {
  // Not a database default: every time the runner compares comes from the application clock.
  const data = {
    kind,
    payload: payload as Prisma.InputJsonValue,
    availableAt: options.runAt ?? new Date(),
  };
  if (options.dedupeKey === undefined) {
    const row = await client.outboxMessage.create({ data, select: { id: true } });
    return row.id;
  }
  // ON CONFLICT DO NOTHING: no unique violation breaks the transaction; a same-key racer waits.
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
