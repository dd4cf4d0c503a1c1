import "server-only";

import { db } from "@/lib/db";

export type QueueStats = {
  oldestPendingAgeSeconds: number;
  pending: number;
  dead: number;
};

export async function queueStats(now = new Date()): Promise<QueueStats> {
  const [row] = await db.$queryRaw<{ oldest: Date | null; pending: number; dead: number }[]>`
    SELECT
      min("availableAt") FILTER (WHERE "status" = 'PENDING' AND "availableAt" <= ${now}) AS "oldest",
      count(*) FILTER (WHERE "status" = 'PENDING' AND "availableAt" <= ${now})::int AS "pending",
      count(*) FILTER (WHERE "status" = 'DEAD')::int AS "dead"
    FROM "OutboxMessage"
    WHERE "status" IN ('PENDING', 'DEAD')`;
  const oldest = row?.oldest ?? null;
  return {
    oldestPendingAgeSeconds: oldest
      ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000))
      : 0,
    pending: row?.pending ?? 0,
    dead: row?.dead ?? 0,
  };
}

export type KindStats = {
  kind: string;
  /** Waiting for a worker, due now or backing off. */
  pending: number;
  running: number;
  dead: number;
  oldestPendingAgeSeconds: number;
};

export async function queueStatsByKind(now = new Date()): Promise<KindStats[]> {
  const rows = await db.$queryRaw<
    { kind: string; pending: number; running: number; dead: number; oldest: Date | null }[]
  >`
    SELECT
      "kind",
      count(*) FILTER (WHERE "status" = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}))::int AS "pending",
      count(*) FILTER (WHERE "status" = 'PENDING' AND "lockedUntil" >= ${now})::int AS "running",
      count(*) FILTER (WHERE "status" = 'DEAD')::int AS "dead",
      min("availableAt") FILTER (WHERE "status" = 'PENDING' AND "availableAt" <= ${now}) AS "oldest"
    FROM "OutboxMessage"
    WHERE "status" IN ('PENDING', 'DEAD')
    GROUP BY "kind"
    ORDER BY "kind"`;
  return rows.map(({ oldest, ...row }) => ({
    ...row,
    oldestPendingAgeSeconds: oldest
      ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000))
      : 0,
  }));
}
