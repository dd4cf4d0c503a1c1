import "server-only";

import { db } from "@/lib/db";

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

export async function retryDeadJob(id: string, now = new Date()): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: "DEAD" },
    data: { status: "PENDING", attempts: 0, availableAt: now, lockedUntil: null },
  });
  return count === 1;
}

export async function discardDeadJob(id: string): Promise<boolean> {
  const { count } = await db.outboxMessage.deleteMany({ where: { id, status: "DEAD" } });
  return count === 1;
}
