// For the proxy to 503 only a down database's organizations. No imports: the proxy loads this file.
export const OUTAGE_MS = 15_000;

type Memory = { down: Map<string, number>; hosts: Map<string, string> };
const globalForOutages = globalThis as unknown as { keelTenantOutages?: Memory };
const memory = (globalForOutages.keelTenantOutages ??= { down: new Map(), hosts: new Map() });
const MAX_HOSTS = 50_000;

export function noteOutage(databaseId: string, now = Date.now()): void {
  memory.down.set(databaseId, now + OUTAGE_MS);
}

export function noteRecovery(databaseId: string): void {
  memory.down.delete(databaseId);
}

export function noteTenantHost(slug: string, databaseId: string | null): void {
  if (databaseId === null) {
    memory.hosts.delete(slug);
    return;
  }
  if (memory.hosts.size >= MAX_HOSTS) memory.hosts.clear();
  memory.hosts.set(slug, databaseId);
}

export function tenantHostDown(slug: string, now = Date.now()): boolean {
  const databaseId = memory.hosts.get(slug);
  if (!databaseId) return false;
  const until = memory.down.get(databaseId);
  return until !== undefined && until > now;
}
