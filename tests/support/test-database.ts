import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { assertLocalDatabase } from "@/lib/db/local-database-guard";

/**
 * The PostgreSQL server tests create their databases on, or undefined for embedded.
 * Global setup pins the choice before it overwrites DATABASE_URL for the workers.
 */
export function testDatabaseServer(): string | undefined {
  const pinned = process.env.KEEL_TEST_DATABASE_SERVER;
  if (pinned !== undefined) return pinned || undefined;
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export type TestDatabase = { url: string; embedded: boolean; drop: () => Promise<void> };

/**
 * A new, empty, migrated database: on the PostgreSQL named by TEST_DATABASE_URL
 * (or DATABASE_URL) when one is set and local, otherwise on an in-memory PGlite.
 */
export async function createTestDatabase(
  serverUrl = testDatabaseServer(),
  { migrate = true } = {},
): Promise<TestDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase();
    if (migrate) await applyMigrations(embedded.url);
    return { url: embedded.url, embedded: true, drop: embedded.stop };
  }
  const database = await createDatabaseOn(serverUrl, "");
  if (migrate) await applyMigrations(database.url);
  return database;
}

/**
 * A copy of a test database on the same server, made from it as a template: the migrated
 * schema and whatever rows it holds, without running the migrations again.
 */
export async function copyTestDatabase(
  serverUrl: string | undefined,
  template: TestDatabase,
): Promise<TestDatabase> {
  if (!serverUrl || template.embedded) throw new Error("Only a server's database can be copied.");
  const source = decodeURIComponent(new URL(template.url).pathname.slice(1));
  return createDatabaseOn(serverUrl, ` TEMPLATE "${source}"`);
}

async function createDatabaseOn(serverUrl: string, clause: string): Promise<TestDatabase> {
  const admin = assertLocalDatabase(serverUrl);
  const name = `keel_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"${clause}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    drop: async () => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
