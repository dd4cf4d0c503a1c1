import pg from "pg";
import { APP_ROLE, DEFAULT_DATABASE_TIMEOUTS } from "@/lib/db/create-client";
import { assertLocalDatabase } from "@/lib/db/local-database-guard";

/**
 * A transaction pooler (PgBouncer with pool_mode = transaction) in front of the test server,
 * e.g. postgresql://keel_pooled@127.0.0.1:6432/postgres, or undefined to connect directly.
 */
export function testPoolerUrl(): string | undefined {
  return process.env.TEST_DATABASE_POOLER_URL || undefined;
}

/**
 * The pooler's login set up as README "Connection pooling" says: a member of the app role that
 * defaults to it and to the app's timeouts, since nothing per session survives the pooler.
 */
export async function preparePoolerLogin(serverUrl: string, poolerUrl: string): Promise<void> {
  const login = decodeURIComponent(assertLocalDatabase(poolerUrl).username);
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(login)) throw new Error(`Unusable pooler login: ${login}`);
  const client = new pg.Client({ connectionString: assertLocalDatabase(serverUrl).toString() });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      CREATE ROLE "${login}" LOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
    await client.query(`GRANT "${APP_ROLE}" TO "${login}"`);
    await client.query(`ALTER ROLE "${login}" SET role = '${APP_ROLE}'`);
    await client.query(
      `ALTER ROLE "${login}" SET statement_timeout = ${DEFAULT_DATABASE_TIMEOUTS.statementMs}`,
    );
    await client.query(
      `ALTER ROLE "${login}" SET idle_in_transaction_session_timeout = ${DEFAULT_DATABASE_TIMEOUTS.transactionMs}`,
    );
  } finally {
    await client.end();
  }
}

/** The same database as `directUrl`, reached through the pooler. */
export function throughPooler(directUrl: string, poolerUrl: string): string {
  const url = new URL(poolerUrl);
  url.pathname = new URL(directUrl).pathname;
  return url.toString();
}
