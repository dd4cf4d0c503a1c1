import "server-only";

import { db, type Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// The operator console passes its transaction, so the change and its audit entry go together.
type OutboxClient = Pick<Database | Prisma.TransactionClient, "outboxMessage">;

export type DeadJob = {
  id: string;
  kind: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
};

export async function listDeadJobs(
  options: { kind?: string; limit?: number } = {},
): Promise<DeadJob[]> {
  return db.outboxMessage.findMany({
    where: { status: "DEAD", ...(options.kind ? { kind: options.kind } : {}) },
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(Math.floor(options.limit ?? 50), 1), 500),
    select: { id: true, kind: true, attempts: true, lastError: true, createdAt: true },
  });
}

export async function retryDeadJob(
  id: string,
  now = new Date(),
  client: OutboxClient = db,
): Promise<boolean> {
  const { count } = await client.outboxMessage.updateMany({
    where: { id, status: "DEAD" },
    data: { status: "PENDING", attempts: 0, availableAt: now, lockedUntil: null },
  });
  return count === 1;
}

export async function discardDeadJob(id: string, client: OutboxClient = db): Promise<boolean> {
  const { count } = await client.outboxMessage.deleteMany({ where: { id, status: "DEAD" } });
  return count === 1;
}
