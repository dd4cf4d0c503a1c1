import "server-only";

import { env } from "@/lib/env";
import { createDatabaseClient, type Database } from "../create-client";
import { appClientOptions, db } from "../index";
import { testSwitches } from "../test-switches";
import { openTenantDatabaseUrl } from "./sealed-url";

type OpenPool = { client: Promise<Database>; lastUsed: number };

const globalForPools = globalThis as unknown as { keelTenantPools?: Map<string, OpenPool> };
const pools = (globalForPools.keelTenantPools ??= new Map());

const IDLE_MS = 10_000;

export class UnknownTenantDatabaseError extends Error {
  constructor(databaseId: string) {
    super(`No tenant database ${databaseId} in the registry.`);
  }
}

// Idle-closing pools, only the most recent open: at most MAX_OPEN × POOL_SIZE connections.
export function tenantDatabaseClient(databaseId: string): Promise<Database> {
  const known = pools.get(databaseId);
  if (known) {
    known.lastUsed = Date.now();
    return known.client;
  }
  const client = connect(databaseId);
  pools.set(databaseId, { client, lastUsed: Date.now() });
  client.catch(() => pools.delete(databaseId));
  closeLeastRecentlyUsed();
  return client;
}

async function connect(databaseId: string): Promise<Database> {
  const row = await db.tenantDatabase.findUnique({
    where: { id: databaseId },
    select: { sealedUrl: true },
  });
  if (!row) throw new UnknownTenantDatabaseError(databaseId);
  const options = appClientOptions();
  return createDatabaseClient(openTenantDatabaseUrl(row.sealedUrl), {
    ...options,
    poolSize: Math.min(
      options.poolSize ?? env.TENANT_DATABASE_POOL_SIZE,
      env.TENANT_DATABASE_POOL_SIZE,
    ),
    // A tenant database's URL is a direct connection (README, "Hybrid tenancy").
    pooled: false,
    idleMs: IDLE_MS,
    // The isolation suite's "app checks only" mode: the login role, as its main client has.
    ...(testSwitches().bypassRowSecurity ? { role: null } : {}),
  });
}

function closeLeastRecentlyUsed(): void {
  while (pools.size > env.TENANT_DATABASE_MAX_OPEN) {
    let oldest: [string, OpenPool] | undefined;
    for (const entry of pools)
      if (!oldest || entry[1].lastUsed < oldest[1].lastUsed) oldest = entry;
    if (!oldest) return;
    pools.delete(oldest[0]);
    void oldest[1].client.then((client) => client.$disconnect()).catch(() => {});
  }
}

export async function closeTenantDatabasePools(): Promise<void> {
  const open: OpenPool[] = [...pools.values()];
  pools.clear();
  await Promise.allSettled(
    open.map((pool) => pool.client.then((client: Database) => client.$disconnect())),
  );
}

export function openTenantDatabasePoolCount(): number {
  return pools.size;
}
