import type { ScopedDb } from "../tenant";

/**
 * When the organization's move began, or null: the move command freezes it in the main
 * database too, whichever databases it moves between, so pages can say so.
 */
export async function movingSince(tx: ScopedDb, organizationId: string): Promise<Date | null> {
  const row = await tx.tenantWriteFreeze.findUnique({
    where: { organizationId },
    select: { since: true },
  });
  return row?.since ?? null;
}
