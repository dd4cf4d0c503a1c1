import type { ScopedDb } from "../tenant";

// The move freezes the main database too, whichever databases it moves between, so pages can tell.
export async function movingSince(tx: ScopedDb, organizationId: string): Promise<Date | null> {
  const row = await tx.tenantWriteFreeze.findUnique({
    where: { organizationId },
    select: { since: true },
  });
  return row?.since ?? null;
}
