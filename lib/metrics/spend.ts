import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export async function spendByMonth(months: readonly Date[]): Promise<Map<number, number>> {
  if (months.length === 0) return new Map();
  const rows = await db.marketingSpend.findMany({
    where: { month: { gte: months[0]!, lte: months.at(-1)! } },
  });
  return new Map(rows.map((row) => [row.month.getTime(), row.amount]));
}

/** Returns the amount it replaced (null when there was none). */
export async function recordSpend(
  tx: Prisma.TransactionClient,
  { month, amount, userId }: { month: Date; amount: number; userId: string },
): Promise<number | null> {
  const previous = await tx.marketingSpend.findUnique({
    where: { month },
    select: { amount: true },
  });
  await tx.marketingSpend.upsert({
    where: { month },
    create: { month, amount, updatedById: userId },
    update: { amount, updatedById: userId },
  });
  return previous?.amount ?? null;
}
