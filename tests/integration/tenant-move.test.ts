import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as projectsApi from "@/app/api/projects/route";
import * as v1ProjectsApi from "@/app/api/v1/projects/route";
import { startTenantMoveAction } from "@/lib/admin/actions/organizations";
import { organizationDetail } from "@/lib/admin/organizations/detail";
import { tenantPlacement } from "@/lib/admin/organizations/tenant-database";
import { displayPrefixOf, generateApiKey, hashApiKey } from "@/lib/api-keys/format";
import { applyMigrations } from "@/lib/db/migrate";
import { tenantMigrationsDir } from "@/lib/db/migrate";
import { withTenant } from "@/lib/db/tenant";
import { movingSince } from "@/lib/db/tenant-databases/moving";
import {
  moveOrganization,
  tenantChecksums,
  TenantMoveError,
  type MoveOptions,
  type MoveReport,
} from "@/lib/db/tenant-databases/move";
import type * as Placement from "@/lib/db/tenant-databases/placement";
import { closeTenantDatabasePools } from "@/lib/db/tenant-databases/pools";
import { sealTenantDatabaseUrl } from "@/lib/db/tenant-databases/sealed-url";
import { TENANT_MOVING_MESSAGE } from "@/lib/db/unavailable";
import { runJobs } from "@/lib/jobs/run";
import {
  createProjectAction,
  listProjectsAction,
  updateProjectAction,
} from "@/lib/projects/actions";
import { sliceProjects } from "@/lib/projects/queries";
import { adminDatabase } from "../support/admin-db";
import { staffWithSession } from "../support/staff";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { callAs, organization, tenantRequest, userWithSession } from "../support/tenant-request";
import { forgetDedicatedDatabase } from "../support/dedicated-tenant";

// Read when lib/env.ts is first imported: before the imports above run.
vi.hoisted(() => {
  process.env.AUTH_SECRET = "an application secret for the tenant move tests";
});
vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);
// The console's job waits the real cache time plus its margin; the test needs only the margin.
vi.mock("@/lib/db/tenant-databases/placement", async (original) => ({
  ...(await original<typeof Placement>()),
  PLACEMENT_CACHE_MS: 0,
}));

/**
 * `npm run tenant:move`: an organization's projects and audit log go from the shared database
 * to a dedicated one and back while its members keep working. Writes during the move are
 * refused with a 503 to retry, never accepted and then lost.
 */

const admin = adminDatabase();
const mainUrl = process.env.DIRECT_URL || process.env.DATABASE_URL!;
// The test process is the only instance, and the move forgets its own process's placements when
// the pointer switches, so the move need not wait for caches to run out. Longer than any of the
// writer's transactions takes here, as the real wait is longer than the app's.
const WAIT_MS = 1_000;

let dedicated: TestDatabase;
let bare: TestDatabase;
let dedicatedName: string;
const suffix = Date.now().toString(36);
const owners: pg.Client[] = [];

async function ownerOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET DateStyle = ISO; SET TimeZone = 'UTC'; SET extra_float_digits = 3");
  owners.push(client);
  return client;
}

let mainOwner: pg.Client;
let dedicatedOwner: pg.Client;

beforeAll(async () => {
  dedicated = await createTestDatabase(undefined, { migrate: false });
  await applyMigrations(dedicated.url, { dir: tenantMigrationsDir });
  bare = await createTestDatabase(undefined, { migrate: false });
  dedicatedName = `acme-dedicated-${suffix}`;
  await admin.tenantDatabase.create({
    data: { name: dedicatedName, sealedUrl: sealTenantDatabaseUrl(dedicated.url) },
  });
  await admin.tenantDatabase.create({
    data: { name: `bare-${suffix}`, sealedUrl: sealTenantDatabaseUrl(bare.url) },
  });
  await admin.tenantDatabase.create({
    data: {
      name: `closed-${suffix}`,
      sealedUrl: sealTenantDatabaseUrl(dedicated.url),
      status: "CLOSED",
    },
  });
  mainOwner = await ownerOf(mainUrl);
  dedicatedOwner = await ownerOf(dedicated.url);
});

afterAll(async () => {
  await Promise.allSettled(owners.map((client) => client.end()));
  await closeTenantDatabasePools();
  // The test database is shared by every file: take these databases out of the registry, with
  // any organization still in one back home, before the databases themselves go.
  const registered = await admin.tenantDatabase.findMany({
    where: { OR: [{ name: { endsWith: `-${suffix}` } }, { name: { startsWith: "plain-owner-" } }] },
    select: { id: true },
  });
  for (const { id } of registered) await forgetDedicatedDatabase(admin, id);
  await admin.$disconnect();
  await dedicated?.drop();
  await bare?.drop();
});

function move(slug: string, to: string, extra: Partial<MoveOptions> = {}): Promise<MoveReport> {
  return moveOrganization({ mainUrl, slug, to, waitMs: WAIT_MS, ...extra });
}

async function memberOfNewOrganization(label: string) {
  const org = await organization(admin, label);
  const owner = await userWithSession(admin, `${label}-owner`, {
    organizationId: org.id,
    role: "OWNER",
  });
  callAs(owner.token, org.slug);
  for (let i = 0; i < 5; i++) {
    const created = await createProjectAction({ name: `Seed ${i}`, description: `d${i}` });
    expect(created.ok).toBe(true);
  }
  // Values a careless copy would change: JSON with unicode and nesting, a NUL-free odd string.
  await admin.auditLog.create({
    data: {
      organizationId: org.id,
      action: "project.updated",
      metadata: { name: "Ünïcødé ☃", nested: { a: [1, 2.5, null, "x"] }, big: 12345678901234 },
      createdAt: new Date(Date.UTC(2026, 5, 1, 12, 0, 0, 7)),
    },
  });
  return { org, owner };
}

function apiPost(name: string) {
  const headers = new Headers(tenantRequest.headers);
  headers.set("origin", `http://${headers.get("host")}`);
  headers.set("content-type", "application/json");
  return projectsApi.POST(
    new Request(`http://${headers.get("host")}/api/projects`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name }),
    }),
  );
}

async function freezeRows() {
  const count = async (client: pg.Client) =>
    (await client.query(`SELECT count(*)::int AS n FROM "TenantWriteFreeze"`)).rows[0].n as number;
  return { main: await count(mainOwner), dedicated: await count(dedicatedOwner) };
}

async function rowsIn(client: pg.Client, organizationId: string) {
  const counts = await tenantChecksums(client, organizationId);
  return counts.reduce((sum, table) => sum + table.rows, 0);
}

async function placementOf(organizationId: string) {
  const org = await admin.organization.findUniqueOrThrow({ where: { id: organizationId } });
  return org.tenantDatabaseId;
}

describe("moving an organization", () => {
  it("goes to a dedicated database and back while a member keeps writing, losing nothing", async () => {
    const { org, owner } = await memberOfNewOrganization("move-round-trip");
    const seeded = await tenantChecksums(mainOwner, org.id);

    // The writer: creates projects (through the action, and through the JSON route for the
    // Retry-After header) and renames them, as the member's browser would.
    const acknowledged = new Map<string, string>();
    const refusedNames = new Set<string>();
    const unexpected: unknown[] = [];
    let refused = 0;
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        callAs(owner.token, org.slug);
        const name = `W${i}`;
        if (i % 3 === 2 && acknowledged.size > 0) {
          const ids = [...acknowledged.keys()];
          const id = ids[i % ids.length]!;
          const result = await updateProjectAction({ id, name });
          if (result.ok) acknowledged.set(id, name);
          else if (result.status === 503 && result.error === TENANT_MOVING_MESSAGE) refused++;
          else unexpected.push(result);
        } else if (i % 3 === 1) {
          const response = await apiPost(name);
          const body = (await response.json()) as { data?: { id: string }; error?: string };
          if (response.status === 200 && body.data) acknowledged.set(body.data.id, name);
          else if (
            response.status === 503 &&
            response.headers.get("retry-after") === "5" &&
            body.error === TENANT_MOVING_MESSAGE
          ) {
            refused++;
            refusedNames.add(name);
          } else unexpected.push({ status: response.status, body });
        } else {
          const result = await createProjectAction({ name });
          if (result.ok) acknowledged.set(result.data.id, name);
          else if (result.status === 503 && result.error === TENANT_MOVING_MESSAGE) {
            refused++;
            refusedNames.add(name);
          } else unexpected.push(result);
        }
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();

    // Each side of each move, read by the test while the organization is frozen.
    const seen: Record<string, Awaited<ReturnType<typeof tenantChecksums>>> = {};
    const watch = (label: string): MoveOptions["after"] => ({
      freeze: async ({ organizationId, source }) => {
        seen[`${label}:source`] = await tenantChecksums(source, organizationId);
      },
      wait: async ({ organizationId, target }) => {
        seen[`${label}:target`] = await tenantChecksums(target, organizationId);
      },
    });

    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines: string[] = [];
    const there = await move(org.slug, dedicatedName, {
      after: watch("out"),
      log: (line) => lines.push(line),
    });
    expect(await placementOf(org.id)).not.toBeNull();
    expect(await rowsIn(mainOwner, org.id)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const back = await move(org.slug, "pool", { after: watch("back") });
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop = true;
    await writer;

    expect(unexpected).toEqual([]);
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual([
      "validate",
      "freeze",
      "copy",
      "verify",
      "switch",
      "wait",
      "delete-source",
      "unfreeze",
    ]);
    expect(there.to).toBe(dedicatedName);
    expect(back.to).toBe("pool");
    // What each move found at the source while frozen is exactly what reached the target.
    expect(seen["out:target"]).toEqual(seen["out:source"]);
    expect(seen["back:target"]).toEqual(seen["back:source"]);
    expect(there.tables).toEqual(seen["out:source"]);
    expect(back.tables).toEqual(seen["back:source"]);
    expect(seen["out:source"]![0]!.rows).toBeGreaterThan(seeded[0]!.rows);

    // Back in the pool, with nothing left in the dedicated database and nothing frozen.
    expect(await placementOf(org.id)).toBeNull();
    expect(await rowsIn(dedicatedOwner, org.id)).toBe(0);
    expect(await freezeRows()).toEqual({ main: 0, dedicated: 0 });

    // Every acknowledged write is there with its last acknowledged value; no refused one is.
    const projects = await admin.project.findMany({ where: { organizationId: org.id } });
    const byId = new Map(projects.map((project) => [project.id, project.name]));
    for (const [id, name] of acknowledged) expect(byId.get(id)).toBe(name);
    for (const project of projects) expect(refusedNames.has(project.name)).toBe(false);
    expect(projects).toHaveLength(5 + [...acknowledged.values()].length);
    expect(refused).toBeGreaterThan(0);
    expect(acknowledged.size).toBeGreaterThan(0);
    // The member still works normally afterwards.
    callAs(owner.token, org.slug);
    expect(await createProjectAction({ name: "After" })).toMatchObject({ ok: true });
  });

  it("waits for a write under way before freezing, and takes it along", async () => {
    const { org } = await memberOfNewOrganization("move-in-flight");
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const inserted = new Promise<void>((resolve) => (written = resolve));
    // A member's transaction that has written but not yet committed when the move starts.
    const writer = withTenant(org.id, async (tx) => {
      const project = await tx.project.create({
        data: { organizationId: org.id, name: "In flight" },
      });
      written();
      await gate;
      return project.id;
    });
    await inserted;
    const moving = move(org.slug, dedicatedName);
    // The move's freeze waits on the organization's write lock, which the writer holds.
    for (let i = 0; ; i++) {
      const { rows } = await mainOwner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE application_name = 'keel-tenant-move' AND wait_event = 'advisory'`,
      );
      if (rows[0]!.n > 0 || i >= 100) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    release();
    const id = await writer;
    await moving;
    const there = await dedicatedOwner.query(`SELECT "name" FROM "Project" WHERE "id" = $1`, [id]);
    expect(there.rows).toEqual([{ name: "In flight" }]);
    expect(await rowsIn(mainOwner, org.id)).toBe(0);
    await move(org.slug, "pool");
  });

  it("keeps reads working and refuses writes with the maintenance message while frozen", async () => {
    const { org, owner } = await memberOfNewOrganization("move-frozen");
    const secret = generateApiKey("test");
    await admin.apiKey.create({
      data: {
        organizationId: org.id,
        name: "script",
        prefix: displayPrefixOf(secret),
        keyHash: hashApiKey(secret),
        scopes: ["projects:read", "projects:write"],
      },
    });
    const checks: unknown[] = [];
    await move(org.slug, dedicatedName, {
      after: {
        copy: async () => {
          callAs(owner.token, org.slug);
          const list = await listProjectsAction({});
          checks.push(list.ok ? list.data.total : list);
          const write = await createProjectAction({ name: "During" });
          checks.push(write.ok ? write : { status: write.status, error: write.error });
          const response = await apiPost("During API");
          checks.push({
            status: response.status,
            retryAfter: response.headers.get("retry-after"),
            body: await response.json(),
          });
          checks.push((await withTenant(org.id, (tx) => movingSince(tx, org.id))) instanceof Date);
          const v1 = await v1ProjectsApi.POST(
            new Request("http://localhost:3000/api/v1/projects", {
              method: "POST",
              headers: {
                host: "localhost:3000",
                authorization: `Bearer ${secret}`,
                "content-type": "application/json",
                "x-real-ip": "203.0.113.9",
              },
              body: JSON.stringify({ name: "During v1" }),
            }),
          );
          const problem = (await v1.json()) as { code: string; detail: string };
          checks.push({ status: v1.status, retryAfter: v1.headers.get("retry-after"), ...problem });
        },
      },
    });
    expect(checks).toEqual([
      5,
      { status: 503, error: TENANT_MOVING_MESSAGE },
      {
        status: 503,
        retryAfter: "5",
        body: { error: TENANT_MOVING_MESSAGE, code: "tenant_moving" },
      },
      true,
      expect.objectContaining({
        status: 503,
        retryAfter: "5",
        code: "unavailable",
        detail: TENANT_MOVING_MESSAGE,
      }),
    ]);
    callAs(owner.token, org.slug);
    expect(await withTenant(org.id, (tx) => movingSince(tx, org.id))).toBeNull();
    // In its dedicated database now: reads and writes go there.
    expect(await createProjectAction({ name: "Dedicated" })).toMatchObject({ ok: true });
    expect(await listProjectsAction({})).toMatchObject({ ok: true, data: { total: 6 } });
    const slice = await withTenant(org.id, (tx) => sliceProjects(tx, org.id, { q: "" }));
    expect([slice.total, slice.items.length]).toEqual([6, 6]);
    expect(await admin.project.count({ where: { organizationId: org.id } })).toBe(0);
    await move(org.slug, "pool");
    expect(await admin.project.count({ where: { organizationId: org.id } })).toBe(6);
  });

  it.each([
    ["a row changed during the copy", "copy", /"Project" differs after the copy/],
    ["a failure after the check, before the switch", "verify", /injected/],
  ] as const)(
    "leaves the organization where it was, writable, after %s",
    async (_label, step, message) => {
      const { org, owner } = await memberOfNewOrganization(`move-fail-${step}`);
      const before = await tenantChecksums(mainOwner, org.id);
      const attempt = move(org.slug, dedicatedName, {
        after: {
          [step]: async ({ target }: { target: pg.Client }) => {
            if (step !== "copy") throw new Error("injected");
            await target.query(
              `UPDATE "Project" SET "name" = "name" || '!' WHERE "id" = (
                 SELECT "id" FROM "Project" WHERE "organizationId" = $1 LIMIT 1)`,
              [org.id],
            );
          },
        },
      });
      await expect(attempt).rejects.toThrow(message);
      expect(await placementOf(org.id)).toBeNull();
      expect(await tenantChecksums(mainOwner, org.id)).toEqual(before);
      expect(await rowsIn(dedicatedOwner, org.id)).toBe(0);
      expect(await freezeRows()).toEqual({ main: 0, dedicated: 0 });
      callAs(owner.token, org.slug);
      expect(await createProjectAction({ name: "Still writable" })).toMatchObject({ ok: true });
    },
  );

  it("after the switch, keeps the data at the target and always lifts the freeze", async () => {
    const { org, owner } = await memberOfNewOrganization("move-after-switch");
    const before = await tenantChecksums(mainOwner, org.id);
    const failing = move(org.slug, dedicatedName, {
      after: {
        switch: async () => {
          throw new Error("injected after the switch");
        },
      },
    });
    await expect(failing).rejects.toThrow(/injected after the switch/);
    expect(await placementOf(org.id)).not.toBeNull();
    expect(await tenantChecksums(dedicatedOwner, org.id)).toEqual(before);
    expect(await freezeRows()).toEqual({ main: 0, dedicated: 0 });
    callAs(owner.token, org.slug);
    expect(await createProjectAction({ name: "Writable there" })).toMatchObject({ ok: true });

    // A move that died after its switch left both freezes: running it again lifts them.
    for (const client of [mainOwner, dedicatedOwner])
      await client.query(`INSERT INTO "TenantWriteFreeze" ("organizationId") VALUES ($1)`, [
        org.id,
      ]);
    const rerun = await move(org.slug, dedicatedName);
    expect(rerun.steps.map((step) => step.step)).toEqual(["unfreeze"]);
    expect(await freezeRows()).toEqual({ main: 0, dedicated: 0 });
    await move(org.slug, "pool");
  });

  it("clears what an interrupted earlier run left in the target before copying", async () => {
    const { org } = await memberOfNewOrganization("move-rerun");
    await dedicatedOwner.query(
      `INSERT INTO "Project" ("id", "organizationId", "name", "updatedAt")
       VALUES ('stale-' || $1, $1, 'Stale copy', now())`,
      [org.id],
    );
    const report = await move(org.slug, dedicatedName);
    expect(report.tables.find((t) => t.table === "Project")?.rows).toBe(5);
    expect(await rowsIn(dedicatedOwner, org.id)).toBe(11);
    const stale = await dedicatedOwner.query(
      `SELECT 1 FROM "Project" WHERE "id" = 'stale-' || $1`,
      [org.id],
    );
    expect(stale.rowCount).toBe(0);
    await move(org.slug, "pool");
  });

  it("refuses unknown organizations and databases, closed or unmigrated targets, and no-op moves", async () => {
    const { org } = await memberOfNewOrganization("move-refused");
    const suffix = dedicatedName.replace("acme-dedicated-", "");
    await expect(move("no-such-org", dedicatedName)).rejects.toThrow(/No organization/);
    await expect(move(org.slug, "nowhere")).rejects.toThrow(/No tenant database is registered/);
    await expect(move(org.slug, `closed-${suffix}`)).rejects.toThrow(/CLOSED/);
    await expect(move(org.slug, `bare-${suffix}`)).rejects.toThrow(
      /missing the tenant migration\(s\) 20261201100000_tenant_init/,
    );
    await expect(move(org.slug, "pool")).rejects.toThrow(TenantMoveError);
    expect(await freezeRows()).toEqual({ main: 0, dedicated: 0 });
    expect(await rowsIn(dedicatedOwner, org.id)).toBe(0);
  });
});

describe("as an owner without superuser or BYPASSRLS", () => {
  // Managed PostgreSQL owners are usually neither: row-level security applies to them (FORCE).
  it("moves there and back", async () => {
    const { org } = await memberOfNewOrganization("move-plain-owner");
    const role = `keel_move_owner_${Date.now().toString(36)}`;
    const withRole = (url: string) => {
      const u = new URL(url);
      u.username = role;
      u.password = "";
      return u.toString();
    };
    await mainOwner.query(`CREATE ROLE "${role}" LOGIN NOSUPERUSER NOBYPASSRLS`);
    try {
      for (const client of [mainOwner, dedicatedOwner]) {
        await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO "${role}"`);
        await client.query(
          `GRANT INSERT, UPDATE, DELETE ON "Project", "Attachment", "AuditLog", "TenantWriteFreeze" TO "${role}"`,
        );
      }
      await mainOwner.query(`GRANT UPDATE ON "Organization" TO "${role}"`);
      const name = `plain-owner-${role}`;
      await admin.tenantDatabase.create({
        data: { name, sealedUrl: sealTenantDatabaseUrl(withRole(dedicated.url)) },
      });
      const before = await tenantChecksums(mainOwner, org.id);
      const there = await moveOrganization({
        mainUrl: withRole(mainUrl),
        slug: org.slug,
        to: name,
        waitMs: 0,
      });
      expect(there.tables).toEqual(before);
      expect(await rowsIn(dedicatedOwner, org.id)).toBe(11);
      expect(await rowsIn(mainOwner, org.id)).toBe(0);
      await moveOrganization({ mainUrl: withRole(mainUrl), slug: org.slug, to: "pool", waitMs: 0 });
      expect(await tenantChecksums(mainOwner, org.id)).toEqual(before);
      expect(await freezeRows()).toEqual({ main: 0, dedicated: 0 });
    } finally {
      for (const client of [mainOwner, dedicatedOwner])
        await client.query(`DROP OWNED BY "${role}"`).catch(() => {});
      await mainOwner.query(`DROP ROLE IF EXISTS "${role}"`);
    }
  });
});

describe("the operator console", () => {
  it("starts a move that runs as a job, audited when it starts and when it ends", async () => {
    const { org, owner } = await memberOfNewOrganization("move-console");
    const staff = await staffWithSession(admin, "move-staff");
    const reason = "Enterprise contract, ticket 5120";
    callAs(staff.token);
    expect(await tenantPlacement(org.id)).toMatchObject({ database: null, movingSince: null });
    const started = await startTenantMoveAction({
      organizationId: org.id,
      to: dedicatedName,
      reason,
    });
    expect(started).toMatchObject({ ok: true, data: { to: dedicatedName } });
    if (!started.ok) return;
    await runJobs({ ids: [started.data.jobId] });

    expect((await tenantPlacement(org.id))?.database?.name).toBe(dedicatedName);
    expect((await organizationDetail(org.id))?.organization.projects).toBe(5);
    // Both entries are in the organization's own log, now in its database.
    const { rows: audit } = await dedicatedOwner.query<{ action: string; actorId: string }>(
      `SELECT "action", "actorId", "metadata" FROM "AuditLog"
       WHERE "organizationId" = $1 AND "action" LIKE 'staff.tenant_move_%' ORDER BY "createdAt"`,
      [org.id],
    );
    expect(audit).toMatchObject([
      {
        action: "staff.tenant_move_started",
        actorId: staff.id,
        metadata: { from: "pool", reason },
      },
      {
        action: "staff.tenant_move_finished",
        actorId: staff.id,
        metadata: { ok: true, from: "pool", to: dedicatedName, rows: 12 },
      },
    ]);

    callAs(staff.token);
    const again = await startTenantMoveAction({
      organizationId: org.id,
      to: dedicatedName,
      reason,
    });
    expect(again).toMatchObject({ ok: false, status: 409 });
    const nowhere = await startTenantMoveAction({ organizationId: org.id, to: "nowhere", reason });
    expect(nowhere).toMatchObject({ ok: false, status: 422 });
    callAs(owner.token);
    const byMember = await startTenantMoveAction({ organizationId: org.id, to: "pool", reason });
    expect(byMember).toMatchObject({ ok: false, status: 404 });

    await move(org.slug, "pool");
  });
});
