import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE, createDatabaseClient, type Database } from "@/lib/db/create-client";
import { behindPooler } from "@/lib/db/profile";
import type * as Tenant from "@/lib/db/tenant";
import { Prisma } from "@/lib/generated/prisma/client";
import { adminDatabase } from "../support/admin-db";

/**
 * The second wall on its own: the catalog says every tenant table is under row-level
 * security that the app role cannot escape, and the app role, scoped to one
 * organization, sees and touches nothing of another, also under concurrency on a tiny
 * pool. The data layer's filters are not involved here: these queries have none.
 */

const url = process.env.DATABASE_URL!;
const embedded = process.env.KEEL_EMBEDDED_DB === "1";
const admin = adminDatabase();
let tenant: typeof Tenant;
const g = globalThis as unknown as { keelDb?: Database };

const orgs = { A: "", B: "" };
const tag = Date.now().toString(36);

beforeAll(async () => {
  tenant = await import("@/lib/db/tenant");
  for (const key of ["A", "B"] as const) {
    const org = await admin.organization.create({
      data: { slug: `rls-${key.toLowerCase()}-${tag}`, name: `RLS ${key}` },
    });
    orgs[key] = org.id;
    await admin.project.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({ organizationId: org.id, name: `${key} ${i}` })),
    });
    const user = await admin.user.create({ data: { email: `rls-${key}-${tag}@example.test` } });
    await admin.membership.create({ data: { organizationId: org.id, userId: user.id } });
    await admin.invitation.create({
      data: {
        organizationId: org.id,
        email: `invitee-${key.toLowerCase()}-${tag}@example.test`,
        tokenHash: `rls-${key}-${tag}`,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await admin.auditLog.create({ data: { organizationId: org.id, action: "project.created" } });
  }
});

afterAll(async () => {
  await admin.$disconnect();
});

describe("the catalog", () => {
  it("puts every table with an organizationId under forced row-level security with a policy", async () => {
    const rows = await admin.$queryRaw<
      { table: string; enabled: boolean; forced: boolean; policies: number }[]
    >`
      SELECT c.relname AS "table", c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND (c.relname = 'Organization'
             OR EXISTS (SELECT 1 FROM pg_attribute a
                        WHERE a.attrelid = c.oid AND a.attname = 'organizationId' AND NOT a.attisdropped))
      ORDER BY 1`;
    // Stripe's own events name the organization they resolved to, for the operator console; they
    // are written only by the signed webhook and read only after a staff check, never by a member.
    const providerEvents = ["StripeEvent", "StripeEventFailure"];
    const tenantRows = rows.filter((r) => !providerEvents.includes(r.table));
    expect(rows.length - tenantRows.length).toBe(providerEvents.length);
    // Organization itself too: the app renames and deletes it by id.
    expect(tenantRows.map((r) => r.table)).toEqual([
      "ApiKey",
      "Attachment",
      "AuditLog",
      "BillingEvent",
      "FeatureFlagOverride",
      "IdempotencyKey",
      "Invitation",
      "Membership",
      "Organization",
      "Project",
      "Subscription",
      "TenantWriteFreeze",
      "UsageCounter",
    ]);
    for (const row of tenantRows) {
      expect(row, row.table).toMatchObject({ enabled: true, forced: true });
      expect(row.policies, row.table).toBeGreaterThan(0);
    }
  });

  it("gives the app a role that is no superuser, cannot bypass row security and owns nothing", async () => {
    const [role] = await admin.$queryRaw<{ super: boolean; bypass: boolean }[]>`
      SELECT rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = ${APP_ROLE}`;
    expect(role).toEqual({ super: false, bypass: false });
    const [owned] = await admin.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = ${APP_ROLE}`;
    expect(owned?.count).toBe(0);
    const [migrations] = await admin.$queryRaw<{ allowed: boolean }[]>`
      SELECT has_table_privilege(${APP_ROLE}, '"_prisma_migrations"', 'SELECT') AS allowed`;
    expect(migrations?.allowed).toBe(false);
  });

  it("gives project search a role that cannot log in, and owns nothing but its view", async () => {
    const [role] = await admin.$queryRaw<{ login: boolean; super: boolean; bypass: boolean }[]>`
      SELECT rolcanlogin AS login, rolsuper AS super, rolbypassrls AS bypass
      FROM pg_roles WHERE rolname = 'keel_search'`;
    expect(role).toEqual({ login: false, super: false, bypass: false });
    const owned = await admin.$queryRaw<{ name: string; options: string[] | null }[]>`
      SELECT c.relname AS name, c.reloptions AS options FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = 'keel_search'`;
    expect(owned).toEqual([{ name: "ProjectSearch", options: null }]);
    const [writes] = await admin.$queryRaw<{ insert: boolean; update: boolean; delete: boolean }[]>`
      SELECT has_table_privilege('keel_search', '"Project"', 'INSERT') AS insert,
             has_table_privilege('keel_search', '"Project"', 'UPDATE') AS update,
             has_table_privilege('keel_search', '"Project"', 'DELETE') AS delete`;
    expect(writes).toEqual({ insert: false, update: false, delete: false });
  });

  it("lets the app role change no audit column but the personal data it erases", async () => {
    const rows = await admin.$queryRaw<{ column: string }[]>`
      SELECT a.attname AS "column" FROM pg_attribute a
      WHERE a.attrelid = '"AuditLog"'::regclass AND a.attnum > 0 AND NOT a.attisdropped
        AND has_column_privilege(${APP_ROLE}, a.attrelid, a.attnum, 'UPDATE')
      ORDER BY 1`;
    expect(rows.map((r) => r.column)).toEqual(["ipAddress", "metadata", "userAgent"]);
  });
});

describe("the app role, scoped", () => {
  it("sees only the scoped organization's rows in every tenant table", async () => {
    const seen = await tenant.withTenant(orgs.A, async (tx) => ({
      projects: await tx.project.findMany({ select: { organizationId: true } }),
      memberships: await tx.membership.findMany({ select: { organizationId: true } }),
      invitations: await tx.invitation.findMany({ select: { organizationId: true } }),
      audit: await tx.auditLog.findMany({ select: { organizationId: true } }),
    }));
    expect(seen.projects).toHaveLength(5);
    for (const rows of Object.values(seen)) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.organizationId === orgs.A)).toBe(true);
    }
  });

  it("refuses to write a row for another organization, and cannot change or delete its rows", async () => {
    await expect(
      tenant.withTenant(orgs.A, (tx) =>
        tx.project.create({ data: { organizationId: orgs.B, name: "planted" } }),
      ),
    ).rejects.toThrow(/row-level security/);
    const victim = await admin.project.findFirstOrThrow({ where: { organizationId: orgs.B } });
    const changed = await tenant.withTenant(orgs.A, async (tx) => ({
      updated: (await tx.project.updateMany({ where: { id: victim.id }, data: { name: "x" } }))
        .count,
      deleted: (await tx.project.deleteMany({ where: { id: victim.id } })).count,
    }));
    expect(changed).toEqual({ updated: 0, deleted: 0 });
    expect(await admin.project.findUnique({ where: { id: victim.id } })).toEqual(victim);
  });

  it("cannot rename or delete another organization, only its own", async () => {
    const before = await admin.organization.findUniqueOrThrow({ where: { id: orgs.B } });
    const changed = await tenant.withTenant(orgs.A, async (tx) => ({
      updated: (
        await tx.organization.updateMany({ where: { id: orgs.B }, data: { name: "taken" } })
      ).count,
      deleted: (await tx.organization.deleteMany({ where: { id: orgs.B } })).count,
    }));
    expect(changed).toEqual({ updated: 0, deleted: 0 });
    expect(await admin.organization.findUnique({ where: { id: orgs.B } })).toEqual(before);
    // Nor from a user's own scope, which has no organization.
    const fromUser = await tenant.withScope({ userId: "someone" }, async (tx) => ({
      updated: (
        await tx.organization.updateMany({ where: { id: orgs.B }, data: { name: "taken" } })
      ).count,
      deleted: (await tx.organization.deleteMany({ where: { id: orgs.B } })).count,
    }));
    expect(fromUser).toEqual({ updated: 0, deleted: 0 });
    expect(await admin.organization.findUnique({ where: { id: orgs.B } })).toEqual(before);
    // Its own organization stays writable, and any organization stays readable by slug
    // (the subdomain is resolved before a membership is known).
    const own = await tenant.withTenant(orgs.A, (tx) =>
      tx.organization.updateMany({ where: { id: orgs.A }, data: { name: "RLS A" } }),
    );
    expect(own.count).toBe(1);
    const bySlug = await tenant.withScope({}, (tx) =>
      tx.organization.findUnique({ where: { slug: before.slug }, select: { id: true } }),
    );
    expect(bySlug).toEqual({ id: orgs.B });
  });

  it("keeps audit entries as written: their actor can only erase their personal data", async () => {
    const actor = await admin.user.create({ data: { email: `rls-actor-${tag}@example.test` } });
    const entry = await admin.auditLog.create({
      data: {
        actorId: actor.id,
        action: "auth.sign_in",
        ipAddress: "198.51.100.7",
        userAgent: "test",
        metadata: { method: "password" },
      },
    });
    const inOrg = await admin.auditLog.create({
      data: { organizationId: orgs.A, actorId: actor.id, action: "project.deleted" },
    });
    const rewrites = [
      { organizationId: orgs.B },
      { action: "auth.sign_out" },
      { metadata: { method: "forged" } },
      { actorId: null },
      { ipAddress: "203.0.113.9" },
    ];
    for (const data of rewrites) {
      await expect(
        tenant.withScope({ userId: actor.id }, (tx) =>
          tx.auditLog.updateMany({ where: { id: entry.id }, data }),
        ),
        JSON.stringify(data),
      ).rejects.toThrow(/permission denied|append-only/);
      // A member of the organization cannot rewrite its entries either.
      await expect(
        tenant.withTenant(orgs.A, (tx) =>
          tx.auditLog.updateMany({ where: { id: inOrg.id }, data }),
        ),
        JSON.stringify(data),
      ).rejects.toThrow(/permission denied|append-only/);
    }
    // Erasing the personal data (account deletion) still works.
    await tenant.withScope({ userId: actor.id }, (tx) =>
      tx.auditLog.updateMany({
        where: { id: entry.id },
        data: { ipAddress: null, userAgent: null, metadata: Prisma.DbNull },
      }),
    );
    const after = await admin.auditLog.findUniqueOrThrow({ where: { id: entry.id } });
    expect(after).toEqual({ ...entry, ipAddress: null, userAgent: null, metadata: null });
    expect(await admin.auditLog.findUniqueOrThrow({ where: { id: inOrg.id } })).toEqual(inOrg);
  });

  it("shows nothing of any organization in a scope without one", async () => {
    const counts = await tenant.withScope({}, async (tx) => [
      await tx.project.count(),
      await tx.membership.count(),
      await tx.invitation.count(),
      await tx.subscription.count(),
    ]);
    expect(counts).toEqual([0, 0, 0, 0]);
  });

  it("lets the search view show only the scoped organization's projects, read-only", async () => {
    const names = (tx: Tenant.ScopedDb, where: Prisma.Sql) =>
      tx.$queryRaw<{ organizationId: string }[]>`
        SELECT "organizationId" FROM "ProjectSearch" ${where}`;
    const seen = await tenant.withTenant(orgs.A, async (tx) => ({
      all: await names(tx, Prisma.empty),
      askedForB: await names(tx, Prisma.sql`WHERE "organizationId" = ${orgs.B}`),
    }));
    expect(seen.all).toHaveLength(5);
    expect(seen.all.every((r) => r.organizationId === orgs.A)).toBe(true);
    expect(seen.askedForB).toEqual([]);
    expect(await tenant.withScope({}, (tx) => names(tx, Prisma.empty))).toEqual([]);
    await expect(
      tenant.withTenant(
        orgs.A,
        (tx) => tx.$executeRaw`DELETE FROM "ProjectSearch" WHERE "organizationId" = ${orgs.A}`,
      ),
    ).rejects.toThrow(/permission denied/);
    expect(await admin.project.count({ where: { organizationId: orgs.A } })).toBe(5);
  });

  it("shows an invitee only the invitations sent to their address", async () => {
    const rows = await tenant.withScope({ userEmail: `invitee-b-${tag}@example.test` }, (tx) =>
      tx.invitation.findMany({ select: { organizationId: true, email: true } }),
    );
    expect(rows).toEqual([{ organizationId: orgs.B, email: `invitee-b-${tag}@example.test` }]);
  });

  it("runs plain queries as the app role on PostgreSQL (the embedded database shares one session)", async () => {
    const { db } = await import("@/lib/db");
    const [who] = await db.$queryRaw<{ user: string }[]>`SELECT current_user AS "user"`;
    // On PostgreSQL every connection switches to keel_app, so an unscoped query sees no
    // tenant rows; the embedded database keeps its one session's role and relies on the
    // scoped transactions alone.
    expect(who?.user).toBe(embedded ? "postgres" : APP_ROLE);
    if (!embedded) expect(await db.project.count()).toBe(0);
  });
});

describe("a pool of two connections under load", () => {
  it("never shows a request another organization's rows, and leaves no scope behind", async () => {
    // A long wait for a connection: a hundred transactions queue for two on a busy machine.
    const small = createDatabaseClient(url, {
      poolSize: 2,
      role: embedded ? null : APP_ROLE,
      pooled: behindPooler({ databaseUrl: url, directUrl: process.env.DIRECT_URL }),
      timeouts: { connectMs: 60_000 },
    });
    const saved = g.keelDb;
    g.keelDb = small;
    try {
      const requests = Array.from({ length: 100 }, (_, i): "A" | "B" => (i % 2 === 0 ? "A" : "B"));
      const results = await Promise.all(
        requests.map((key, i) =>
          tenant.withTenant(orgs[key], async (tx) => {
            await tx.project.create({ data: { organizationId: orgs[key], name: `load ${i}` } });
            const rows = await tx.project.findMany({ select: { organizationId: true } });
            return rows.filter((row) => row.organizationId !== orgs[key]).length;
          }),
        ),
      );
      expect(results).toHaveLength(100);
      expect(results.reduce((sum, foreign) => sum + foreign, 0)).toBe(0);
      expect(await admin.project.count({ where: { name: { startsWith: "load " } } })).toBe(100);
    } finally {
      g.keelDb = saved;
      await small.$disconnect();
    }
    // Every connection afterwards: the transaction-local settings are gone.
    const client = new pg.Pool({ connectionString: url, max: 2 });
    const leftovers = await Promise.all(
      [1, 2].map(() =>
        client.query<{ org: string | null }>(`SELECT current_setting('app.org_id', true) AS org`),
      ),
    );
    await client.end();
    for (const { rows } of leftovers) expect(rows[0]?.org ?? "").toBe("");
  }, 60_000);
});
