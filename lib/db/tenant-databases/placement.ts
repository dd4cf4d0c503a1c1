import type { ScopedDb } from "../tenant";
import { noteTenantHost } from "./outages";

/**
 * How long an instance trusts what it read about where an organization's tenant data lives.
 * The move command keeps the organization frozen for longer than this after switching the
 * pointer, so a reader with the old answer still finds every row where it looks.
 */
export const PLACEMENT_CACHE_MS = 5_000;

type Placement = { databaseId: string | null; until: number };

const globalForPlacement = globalThis as unknown as { keelPlacements?: Map<string, Placement> };
const placements = (globalForPlacement.keelPlacements ??= new Map());
const MAX_ENTRIES = 50_000;

/**
 * Records what a query already read (the membership query reads the pointer with the
 * organization); with the slug, also for the proxy's outage page (./outages.ts).
 */
export function notePlacement(
  organizationId: string,
  databaseId: string | null,
  slug?: string,
): void {
  if (slug !== undefined) noteTenantHost(slug, databaseId);
  if (placements.size >= MAX_ENTRIES) placements.clear();
  placements.set(organizationId, { databaseId, until: Date.now() + PLACEMENT_CACHE_MS });
}

/** null: the shared database. Read in the caller's transaction when not known recently. */
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

/** Forgets what this instance knows (tests, and the move command's own process). */
export function forgetPlacements(): void {
  placements.clear();
}
