import "server-only";

import { applyScope, type Scope, type ScopedDb } from "../tenant";
import { db } from "../index";
import { tenantDatabaseClient } from "./pools";
import { TENANT_MODELS } from "./router";

// Rows keyed by user may be in any tenant database; one not answering fails the call, as an
// erasure must not silently skip one.
export async function inEveryTenantDatabase<T>(
  scope: Scope,
  fn: (tx: ScopedDb, database: { id: string; name: string }) => Promise<T>,
): Promise<T[]> {
  // A database no organization points at holds nothing (a move deletes what it leaves).
  const databases = await db.tenantDatabase.findMany({
    where: { organizations: { some: {} } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const results: T[] = [];
  for (const database of databases) {
    const client = await tenantDatabaseClient(database.id);
    results.push(
      await client.$transaction(async (tx) => {
        await applyScope(tx, scope);
        return fn(tx, database);
      }),
    );
  }
  return results;
}

// In the main database the foreign keys cascade; a dedicated one needs this.
export async function purgeTenantData(databaseId: string, organizationId: string): Promise<number> {
  const client = await tenantDatabaseClient(databaseId);
  return client.$transaction(async (tx) => {
    await applyScope(tx, { organizationId });
    let deleted = 0;
    for (const model of TENANT_MODELS) {
      const delegate = tx[model] as unknown as {
        deleteMany(args: { where: { organizationId: string } }): Promise<{ count: number }>;
      };
      deleted += (await delegate.deleteMany({ where: { organizationId } })).count;
    }
    return deleted;
  });
}
