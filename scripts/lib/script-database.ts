// @next/env is CommonJS without named exports Node can detect: import the whole module.
import nextEnv from "@next/env";
import { createDatabaseClient, type Database } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrate";
import { runningDevDatabase, startDevDatabase } from "./dev-database";

const { loadEnvConfig } = nextEnv;

/**
 * Runs `task` against the development database: DIRECT_URL or DATABASE_URL when set, else
 * the embedded database of a running `npm run dev`, else the embedded files opened here.
 * The task keeps the login role, which a pooled DATABASE_URL does not.
 */
export async function withScriptDatabase(
  task: (db: Database, url: string) => Promise<void>,
): Promise<void> {
  loadEnvConfig(process.cwd(), true);
  const configured =
    process.env.DATABASE_URL && (process.env.DIRECT_URL || process.env.DATABASE_URL);
  let url = configured || (await runningDevDatabase());
  const embedded = url ? undefined : await startDevDatabase();
  url ??= embedded!.url;
  if (embedded) await applyMigrations(url);
  const db = createDatabaseClient(url, { poolSize: 2 });
  try {
    await task(db, url);
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}
