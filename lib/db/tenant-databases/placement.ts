import type { ScopedDb } from "../tenant";
import { noteTenantHost } from "./outages";

// The move stays frozen longer than this after switching, so a stale reader still finds every row.
export const PLACEMENT_CACHE_MS = 5_000;

type Placement = { databaseId: string | null; until: number };

const globalForPlacement = globalThis as unknown as { keelPlacements?: Map<string, Placement> };
const placements = (globalForPlacement.keelPlacements ??= new Map());
const MAX_ENTRIES = 50_000;

export function notePlacement(
  organizationId: string,
  databaseId: string | null,
  slug?: string,
): void {
  if (slug !== undefined) noteTenantHost(slug, databaseId);
  if (placements.size >= MAX_ENTRIES) placements.clear();
  placements.set(organizationId, { databaseId, until: Date.now() + PLACEMENT_CACHE_MS });
}

/** null: the shared database. */
export async function placementOf(tx: ScopedDb, organizationId: string): Promise<string | null> {
  const known = placements.get(organizationId);
  if (known && known.until > Date.now()) return known.databaseId;
  // Every scope may read organizations (policy organization_read).
  const rows = await tx.$queryRaw<{ tenantDatabaseId: string | null }[]>`
    SELECT "tenantDatabaseId" FROM "Organization" WHERE "id" = ${organizationId}`;
  const databaseId = rows[0]?.tenantDatabaseId ?? null;
  notePlacement(organizationId, databaseId);
  return databaseId;
}

export function forgetPlacements(): void {
  placements.clear();
}
