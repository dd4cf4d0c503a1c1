import pg from "pg";

/**
 * A platform of `organizations` tenants that all look alike: `membersEach` users each (the
 * first an owner), `projectsEach` projects, a subscription, billing events and audit entries,
 * and one pending invitation. Written by the table owner with INSERT ... SELECT over
 * generate_series, with the bulk tables' secondary indexes dropped during the load and built
 * after (one sort instead of a million index insertions), then ANALYZE.
 */
export type Shape = {
  organizations: number;
  membersEach: number;
  projectsEach: number;
  billingEventsEach: number;
  auditEntriesEach: number;
};

/** The organization a benchmark signs in to: in the middle of the table, not the first rows. */
export function benchOrganization(shape: Shape) {
  const n = Math.ceil(shape.organizations / 2);
  return { id: `org_${n}`, slug: `org-${n}`, ownerId: `usr_${(n - 1) * shape.membersEach + 1}` };
}

const BULK_TABLES = ["Project", "AuditLog", "BillingEvent", "Membership", "User"];

export async function loadTenants(url: string, shape: Shape): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const start = performance.now();
  try {
    const { organizations: o, membersEach: m, projectsEach: p } = shape;
    await client.query("BEGIN");
    const indexes = await client.query<{ indexdef: string; indexname: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [BULK_TABLES],
    );
    for (const index of indexes.rows) await client.query(`DROP INDEX "${index.indexname}"`);
    await client.query(
      `INSERT INTO "Organization" ("id", "slug", "name", "projectLimit", "createdAt", "updatedAt")
       SELECT 'org_' || i, 'org-' || i, 'Organization ' || i, 1000000,
              timestamp '2025-01-01' + i * interval '1 minute', now()
       FROM generate_series(1, $1) AS i`,
      [o],
    );
    await client.query(
      `INSERT INTO "User" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt")
       SELECT 'usr_' || i, 'User ' || i, 'user' || i || '@bench.test', now(), now(), now()
       FROM generate_series(1, $1) AS i`,
      [o * m],
    );
    await client.query(
      `INSERT INTO "Membership" ("id", "organizationId", "userId", "role", "createdAt", "updatedAt")
       SELECT 'mem_' || i, 'org_' || ((i - 1) / $2 + 1), 'usr_' || i,
              (CASE WHEN (i - 1) % $2 = 0 THEN 'OWNER' ELSE 'MEMBER' END)::"Role", now(), now()
       FROM generate_series(1, $1) AS i`,
      [o * m, m],
    );
    await client.query(
      `INSERT INTO "Invitation" ("id", "organizationId", "email", "tokenHash", "expiresAt", "updatedAt")
       SELECT 'inv_' || i, 'org_' || i, 'invitee' || i || '@bench.test', md5('inv' || i),
              now() + interval '7 days', now()
       FROM generate_series(1, $1) AS i`,
      [o],
    );
    await client.query(
      `INSERT INTO "Subscription" ("id", "organizationId", "stripeCustomerId", "status", "plan",
         "seats", "currentPeriodEnd", "createdAt", "updatedAt")
       SELECT 'sub_' || i, 'org_' || i, 'cus_bench' || i, 'ACTIVE', 'pro', $2,
              now() + interval '20 days', now(), now()
       FROM generate_series(1, $1) AS i`,
      [o, m + 1],
    );
    await client.query(
      `INSERT INTO "Project" ("id", "organizationId", "name", "description", "createdById",
         "createdAt", "updatedAt")
       SELECT 'prj_' || i, 'org_' || ((i - 1) / $2 + 1), 'Project ' || i || ' ' || left(md5(i::text), 8),
              CASE WHEN i % 7 = 0 THEN 'Notes on ' || md5((i * 3)::text) END,
              'usr_' || (((i - 1) / $2) * $3 + 1),
              timestamp '2026-01-01' + i * interval '1 second', now()
       FROM generate_series(1, $1) AS i`,
      [o * p, p, m],
    );
    await client.query(
      `INSERT INTO "BillingEvent" ("id", "organizationId", "subscriptionId", "type", "toStatus",
         "plan", "seats", "amount", "currency", "occurredAt")
       SELECT 'bev_' || i, 'org_' || ((i - 1) / $2 + 1), 'sub_' || ((i - 1) / $2 + 1),
              'invoice.paid', NULL, NULL, NULL, 1200, 'usd',
              timestamp '2025-06-01' + i * interval '1 minute'
       FROM generate_series(1, $1) AS i`,
      [o * shape.billingEventsEach, shape.billingEventsEach],
    );
    await client.query(
      `INSERT INTO "AuditLog" ("id", "organizationId", "actorId", "action", "targetType",
         "targetId", "createdAt")
       SELECT 'aud_' || i, 'org_' || ((i - 1) / $2 + 1), 'usr_' || (((i - 1) / $2) * $3 + 1),
              'project.created', 'project', 'prj_' || i, timestamp '2026-01-01' + i * interval '1 second'
       FROM generate_series(1, $1) AS i`,
      [o * shape.auditEntriesEach, shape.auditEntriesEach, m],
    );
    for (const index of indexes.rows) await client.query(index.indexdef);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return performance.now() - start;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
