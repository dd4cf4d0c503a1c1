import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { readdirSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient, type Database } from "@/lib/db/create-client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { assertLocalDatabase } from "@/lib/db/local-database-guard";
import { tenantMigrationsDir } from "@/lib/db/migrate";
import {
  formatTenantMigrationReport,
  migrateTenantDatabases,
  type TenantMigrationOutcome,
} from "@/lib/db/tenant-databases/migrate-all";
import {
  addTenantDatabase,
  closeTenantDatabase,
  formatTenantDatabaseList,
  listTenantDatabases,
} from "@/lib/db/tenant-databases/registry";
import { sealUrlWith } from "@/lib/db/tenant-databases/url-seal";
import {
  createTestDatabase,
  testDatabaseServer,
  type TestDatabase,
} from "../support/test-database";

// `npm run db:migrate`'s fan-out: every database in a main database's registry gets the tenant
// migrations; one that does not answer is named in the report, fails the run, and does not stop
// the others; a later run finishes it and a run after that has nothing to do.

const SECRET = "tenant-migrations-test-secret-0123456789";
const PASSWORD = "pw-never-in-a-report-7f3a";
const server = testDatabaseServer();

let main: TestDatabase;
let east: TestDatabase;
let west: TestDatabase;
// The database that is down at first: a missing database on a server, or a closed port.
let down: { url: string; bringUp: () => Promise<void>; drop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function withPassword(url: string): string {
  const parsed = new URL(url);
  // Trust authentication (the test servers) ignores it; a server that checks keeps its own.
  parsed.password ||= PASSWORD;
  return parsed.toString();
}

async function downDatabase(): Promise<typeof down> {
  if (!server) {
    const port = await freePort();
    let started: EmbeddedDatabase | undefined;
    return {
      url: withPassword(`postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`),
      bringUp: async () => {
        started = await startEmbeddedDatabase({ port });
        expect(started.port).toBe(port);
      },
      drop: async () => started?.stop(),
    };
  }
  // Made and dropped at once: its name is then a database that does not exist, until bringUp.
  const made = await createTestDatabase(server, { migrate: false });
  await made.drop();
  const name = new URL(made.url).pathname.slice(1);
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: assertLocalDatabase(server).toString() });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  return {
    url: withPassword(made.url),
    bringUp: () => admin(`CREATE DATABASE "${name}"`),
    drop: made.drop,
  };
}

async function register(name: string, url: string) {
  const client = new pg.Client({ connectionString: main.url });
  await client.connect();
  await client.query(
    `INSERT INTO "TenantDatabase" ("id", "name", "sealedUrl", "updatedAt") VALUES ($1, $1, $2, now())`,
    [name, sealUrlWith(url, SECRET)],
  );
  await client.end();
}

async function tablesOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  await client.end();
  return rows.map((r) => r.name);
}

// Every tenant migration in the folder, oldest first: what a new database gets.
const allTenantMigrations = readdirSync(tenantMigrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const byName = (outcomes: TenantMigrationOutcome[]) =>
  Object.fromEntries(outcomes.map((o) => [o.name, o]));

const run = () => migrateTenantDatabases(main.url, { secret: SECRET, connectTimeoutMs: 5_000 });

beforeAll(async () => {
  main = await createTestDatabase(server);
  east = await createTestDatabase(server, { migrate: false });
  west = await createTestDatabase(server, { migrate: false });
  down = await downDatabase();
  await register("east", withPassword(east.url));
  await register("west", withPassword(west.url));
  // Sorted first: a run that stopped at the first failure would leave the others behind.
  await register("central", down.url);
});

afterAll(async () => {
  await Promise.allSettled([main, east, west, down].map((d) => d?.drop()));
});

describe("migrating every registered tenant database", () => {
  it("migrates the databases that answer and names the one that does not, without its URL", async () => {
    const outcomes = await run();
    const result = byName(outcomes);
    expect(Object.keys(result)).toEqual(["central", "east", "west"]);
    expect(result.east).toMatchObject({ ok: true, applied: allTenantMigrations });
    expect(result.west).toMatchObject({ ok: true, applied: allTenantMigrations });
    expect(result.central?.ok).toBe(false);
    expect(await tablesOf(east.url)).toEqual(
      expect.arrayContaining(["AuditLog", "Project", "TenantWriteFreeze"]),
    );

    const report = formatTenantMigrationReport(outcomes);
    expect(report).toMatch(/^central\s+ACTIVE\s+FAILED: \S/m);
    expect(report).toMatch(
      new RegExp(`^east\\s+ACTIVE\\s+applied ${allTenantMigrations.length}$`, "m"),
    );
    const password = new URL(down.url).password;
    expect(report).not.toContain(password);
    expect(report).not.toContain(down.url);
    expect(report).not.toMatch(/postgres(ql)?:\/\//);
  });

  it("finishes the database that came back, and then has nothing left to do", async () => {
    await down.bringUp();
    const second = byName(await run());
    expect(second.central).toMatchObject({ ok: true, applied: allTenantMigrations });
    expect(second.east).toMatchObject({ ok: true, applied: [] });
    expect(second.west).toMatchObject({ ok: true, applied: [] });

    const third = await run();
    expect(third.every((o) => o.ok && o.applied.length === 0)).toBe(true);
    expect(formatTenantMigrationReport(third).split("\n").slice(1)).toEqual([
      expect.stringMatching(/^central\s+ACTIVE\s+up to date$/),
      expect.stringMatching(/^east\s+ACTIVE\s+up to date$/),
      expect.stringMatching(/^west\s+ACTIVE\s+up to date$/),
    ]);
  });

  it("gives up on a database that accepts the connection but never answers", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    await register("silent", `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`);
    try {
      const outcomes = await migrateTenantDatabases(main.url, {
        secret: SECRET,
        connectTimeoutMs: 500,
      });
      expect(byName(outcomes).silent).toMatchObject({ ok: false });
      expect(byName(outcomes).east).toMatchObject({ ok: true });
      expect(formatTenantMigrationReport(outcomes)).toMatch(
        /^silent\s+ACTIVE\s+FAILED: .*timeout/m,
      );
    } finally {
      silent.close();
      const client = new pg.Client({ connectionString: main.url });
      await client.connect();
      await client.query(`DELETE FROM "TenantDatabase" WHERE "name" = 'silent'`);
      await client.end();
    }
  });

  it("runs each migration with a lock timeout, so one stuck behind a customer's transaction gives up", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "keel-tenant-migrations-"));
    try {
      await cp(tenantMigrationsDir, dir, { recursive: true });
      await mkdir(path.join(dir, "20991231000000_record_lock_timeout"));
      await writeFile(
        path.join(dir, "20991231000000_record_lock_timeout", "migration.sql"),
        `CREATE TABLE "LockTimeoutSeen" AS SELECT current_setting('lock_timeout') AS "value";`,
      );
      const outcomes = await migrateTenantDatabases(main.url, {
        secret: SECRET,
        dir,
        lockTimeoutMs: 1_500,
      });
      expect(outcomes.map((o) => o.ok && o.applied)).toEqual([
        ["20991231000000_record_lock_timeout"],
        ["20991231000000_record_lock_timeout"],
        ["20991231000000_record_lock_timeout"],
      ]);
      const client = new pg.Client({ connectionString: east.url });
      await client.connect();
      const { rows } = await client.query(`SELECT "value" FROM "LockTimeoutSeen"`);
      await client.end();
      expect(rows).toEqual([{ value: "1500ms" }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("fails every database of a registry sealed with another secret, saying why", async () => {
    const outcomes = await migrateTenantDatabases(main.url, { secret: `${SECRET}-rotated` });
    expect(outcomes.map((o) => o.ok)).toEqual([false, false, false]);
    expect(formatTenantMigrationReport(outcomes)).toMatch(
      /^east\s+ACTIVE\s+FAILED: its URL does not open/m,
    );
  });
});

describe("the registry commands", () => {
  let db: Database;
  let fresh: TestDatabase;
  beforeAll(async () => {
    db = createDatabaseClient(main.url, { poolSize: 1, role: null });
    fresh = await createTestDatabase(server, { migrate: false });
  });
  afterAll(async () => {
    await db.$disconnect();
    await fresh.drop();
  });

  it("refuses to register a database it cannot migrate, and registers nothing", async () => {
    const port = await freePort();
    const result = await addTenantDatabase(
      db,
      { name: "unreachable", url: `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/x` },
      { secret: SECRET, connectTimeoutMs: 2_000 },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^Not registered: the tenant migrations failed/);
      expect(result.error).not.toContain(PASSWORD);
    }
    expect((await listTenantDatabases(db)).map((r) => r.name)).not.toContain("unreachable");
  });

  it("refuses a database already registered under another name, and a name already taken", async () => {
    const again = await addTenantDatabase(
      db,
      { name: "east-again", url: east.url },
      { secret: SECRET },
    );
    expect(again).toEqual({ ok: false, error: "That database is already registered as east." });
    const taken = await addTenantDatabase(db, { name: "east", url: fresh.url }, { secret: SECRET });
    expect(taken).toEqual({
      ok: false,
      error: "A tenant database named east is already registered.",
    });
    const badName = await addTenantDatabase(
      db,
      { name: "Bad Name", url: fresh.url },
      { secret: SECRET },
    );
    expect(badName.ok).toBe(false);
  });

  it("migrates and registers a new database, lists it without its URL, and closes it", async () => {
    const added = await addTenantDatabase(
      db,
      { name: "gamma", url: withPassword(fresh.url) },
      { secret: SECRET },
    );
    expect(added).toEqual({ ok: true, applied: allTenantMigrations });
    expect(await tablesOf(fresh.url)).toContain("Project");

    const closed = await closeTenantDatabase(db, "gamma");
    expect(closed).toEqual({ ok: true, changed: true, organizations: 0 });
    expect(await closeTenantDatabase(db, "gamma")).toMatchObject({ ok: true, changed: false });
    expect(await closeTenantDatabase(db, "nope")).toMatchObject({ ok: false });

    const listing = await listTenantDatabases(db);
    expect(listing.find((r) => r.name === "gamma")).toEqual({
      name: "gamma",
      status: "CLOSED",
      organizations: 0,
    });
    const printed = formatTenantDatabaseList(listing);
    expect(printed).toMatch(/^gamma\s+CLOSED\s+0$/m);
    expect(printed).not.toMatch(/postgres(ql)?:\/\//);
    expect(printed).not.toContain(PASSWORD);

    // A closed database is still migrated: its organizations' data is in it.
    const outcome = byName(await run()).gamma;
    expect(outcome).toMatchObject({ ok: true, status: "CLOSED", applied: [] });
  });
});
