import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE } from "@/lib/db/create-client";
import { applyMigrations, tenantMigrationsDir } from "@/lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The app reads and writes a dedicated tenant database with the main schema's one client, so
// each tenant table must be the same table as in the main database: same columns, types,
// nullability and defaults, and the same indexes (a missing one is a slow page for the biggest
// customers only). And the tenant database keeps the main one's wall: row-level security on
// every organization's table, enforced on an app role that owns nothing.

let tenant: TestDatabase;
let tenantClient: pg.Client;
let mainClient: pg.Client;

type Column = { column: string; type: string; nullable: string; default: string | null };
type Index = { name: string; definition: string; columns: string[] };

async function columnsOf(client: pg.Client, table: string): Promise<Column[]> {
  const { rows } = await client.query<Column>(
    `SELECT column_name AS "column", udt_name AS "type", is_nullable AS nullable,
            column_default AS "default"
     FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
    [table],
  );
  return rows;
}

async function indexesOf(client: pg.Client, table: string): Promise<Index[]> {
  const { rows } = await client.query<Index>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition,
            array(SELECT a.attname::text FROM unnest(x.indkey) k
                  JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k) AS columns
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname = $1 ORDER BY 1`,
    [table],
  );
  return rows;
}

async function tenantModels(): Promise<string[]> {
  const schema = await readFile("prisma/tenant/schema.prisma", "utf8");
  // Table names are the model names: neither schema maps them.
  expect(schema).not.toMatch(/@@map\(/);
  return [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!);
}

beforeAll(async () => {
  tenant = await createTestDatabase(undefined, { migrate: false });
  await applyMigrations(tenant.url, { dir: tenantMigrationsDir });
  tenantClient = new pg.Client({ connectionString: tenant.url });
  await tenantClient.connect();
  // The run's database, migrated with the main migrations.
  mainClient = new pg.Client({
    connectionString: process.env.DIRECT_URL || process.env.DATABASE_URL,
  });
  await mainClient.connect();
});

afterAll(async () => {
  await tenantClient?.end();
  await mainClient?.end();
  await tenant?.drop();
});

describe("the tenant schema agrees with the main schema", () => {
  it("has, for every tenant model, the main table's columns with the same types, nullability and defaults", async () => {
    const models = await tenantModels();
    expect(models).toEqual(expect.arrayContaining(["Project", "AuditLog", "TenantWriteFreeze"]));
    for (const model of models) {
      const inTenant = await columnsOf(tenantClient, model);
      expect(inTenant.length, `${model} exists in a tenant database`).toBeGreaterThan(0);
      expect(inTenant, `${model}: tenant columns vs main columns`).toEqual(
        await columnsOf(mainClient, model),
      );
    }
  });

  it("has in the main database every index of a tenant table (same name and definition)", async () => {
    for (const model of await tenantModels()) {
      const mainColumns = new Set((await columnsOf(mainClient, model)).map((c) => c.column));
      const mainIndexes = await indexesOf(mainClient, model);
      const tenantIndexes = await indexesOf(tenantClient, model);
      expect(tenantIndexes.length, `${model} has indexes`).toBeGreaterThan(0);
      for (const index of tenantIndexes) {
        if (!index.columns.every((column) => mainColumns.has(column))) continue;
        expect(
          mainIndexes.map(({ name, definition }) => ({ name, definition })),
          `${index.name} of the tenant schema`,
        ).toContainEqual({ name: index.name, definition: index.definition });
      }
    }
  });
});

describe("a tenant database's catalog", () => {
  it("puts every table with an organizationId under forced row-level security with a policy", async () => {
    const { rows } = await tenantClient.query<{
      table: string;
      enabled: boolean;
      forced: boolean;
      policies: number;
    }>(
      `SELECT c.relname AS "table", c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
         AND EXISTS (SELECT 1 FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attname = 'organizationId' AND NOT a.attisdropped)
       ORDER BY 1`,
    );
    expect(rows.map((r) => r.table)).toEqual([
      "Attachment",
      "AuditLog",
      "Project",
      "TenantWriteFreeze",
    ]);
    for (const row of rows) {
      expect(row, row.table).toMatchObject({ enabled: true, forced: true });
      expect(row.policies, `${row.table} policies`).toBeGreaterThan(0);
    }
  });

  it("gives the app role nothing of its own and no way around row-level security", async () => {
    const { rows } = await tenantClient.query<{
      super: boolean;
      bypass: boolean;
      owned: number;
    }>(
      `SELECT r.rolsuper AS super, r.rolbypassrls AS bypass,
              (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid)
            + (SELECT count(*)::int FROM pg_proc WHERE proowner = r.oid)
            + (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid)
            + (SELECT count(*)::int FROM pg_type WHERE typowner = r.oid) AS owned
       FROM pg_roles r WHERE r.rolname = $1`,
      [APP_ROLE],
    );
    expect(rows).toEqual([{ super: false, bypass: false, owned: 0 }]);
  });

  it("shows the app role, scoped to one organization, none of another's projects", async () => {
    await tenantClient.query(
      `INSERT INTO "Project" ("id", "organizationId", "name", "updatedAt")
       VALUES ('p-a', 'org-a', 'A', now()), ('p-b', 'org-b', 'B', now())`,
    );
    await tenantClient.query("BEGIN");
    try {
      await tenantClient.query(`SET LOCAL ROLE ${APP_ROLE}`);
      await tenantClient.query(`SELECT set_config('app.org_id', 'org-a', true)`);
      const { rows } = await tenantClient.query<{ id: string }>(`SELECT "id" FROM "Project"`);
      expect(rows).toEqual([{ id: "p-a" }]);
      await expect(
        tenantClient.query(
          `INSERT INTO "Project" ("id", "organizationId", "name", "updatedAt")
           VALUES ('p-x', 'org-b', 'X', now())`,
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await tenantClient.query("ROLLBACK");
    }
  });

  it("refuses the app role's writes to a frozen organization's rows, and only to those", async () => {
    await tenantClient.query(`INSERT INTO "TenantWriteFreeze" ("organizationId") VALUES ('org-f')`);
    const asApp = async (organizationId: string) => {
      await tenantClient.query("BEGIN");
      try {
        await tenantClient.query(`SET LOCAL ROLE ${APP_ROLE}`);
        await tenantClient.query(`SELECT set_config('app.org_id', $1, true)`, [organizationId]);
        await tenantClient.query(
          `INSERT INTO "Project" ("id", "organizationId", "name", "updatedAt")
           VALUES ($1, $2, 'P', now())`,
          [`p-${organizationId}`, organizationId],
        );
      } finally {
        await tenantClient.query("ROLLBACK");
      }
    };
    await expect(asApp("org-f")).rejects.toMatchObject({
      code: "KL503",
      message: "organization org-f is being moved; try again in a moment",
    });
    await expect(asApp("org-g")).resolves.toBeUndefined();
  });
});
