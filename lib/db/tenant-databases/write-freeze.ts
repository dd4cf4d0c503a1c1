import { inTransaction, type Side } from "./owner-connection";

function freezeKey(organizationId: string) {
  return `keel.tenant_write:${organizationId}`;
}

// The exclusive lock waits for every writer already holding it shared (the tenant tables'
// triggers), so once the row is committed no write of the organization is in flight or can start.
export async function freeze(side: Side, organizationId: string): Promise<void> {
  await inTransaction(side.client, organizationId, async () => {
    await side.client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
      freezeKey(organizationId),
    ]);
    await side.client.query(
      `INSERT INTO "TenantWriteFreeze" ("organizationId") VALUES ($1) ON CONFLICT DO NOTHING`,
      [organizationId],
    );
  });
}

export async function unfreeze(side: Side, organizationId: string): Promise<void> {
  await side.client.query(`DELETE FROM "TenantWriteFreeze" WHERE "organizationId" = $1`, [
    organizationId,
  ]);
}
