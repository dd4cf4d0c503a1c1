import { rm } from "node:fs/promises";
// @next/env is CommonJS without named exports Node can detect: import the whole module.
import nextEnv from "@next/env";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { assertLocalDatabase } from "@/lib/db/local-database-guard";
import { devDataDir, runningDevDatabase } from "./lib/dev-database";
import { withScriptDatabase } from "./lib/script-database";

const { loadEnvConfig } = nextEnv;

/**
 * `npm run db:reset`: empties the development database, re-applies every migration
 * and seeds it. Only for databases on this machine; use `prisma migrate reset` with
 * care elsewhere.
 */

loadEnvConfig(process.cwd(), true);
// The direct connection when DATABASE_URL goes through a pooler: DROP SCHEMA and migrations.
const external = process.env.DATABASE_URL && (process.env.DIRECT_URL || process.env.DATABASE_URL);

if (external) {
  assertLocalDatabase(external);
  const client = new pg.Client({ connectionString: external });
  await client.connect();
  await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await client.end();
  await applyMigrations(external);
} else {
  if (await runningDevDatabase()) {
    console.error("Stop `npm run dev` first: it holds the embedded database open.");
    process.exit(1);
  }
  await rm(devDataDir, { recursive: true, force: true });
}

const { seed } = await import("../prisma/seed");
await withScriptDatabase(async (db) => seed(db));
console.log("Database reset and seeded.");
