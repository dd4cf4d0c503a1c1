import "server-only";

import { env } from "@/lib/env";
import { createDatabaseClient, type Database } from "./create-client";
import { clientOptionsFor, databaseProfile } from "./profile";

// On globalThis so development reloads reuse one pool.
const globalForDb = globalThis as unknown as { keelDb?: Database };

function getDatabase(): Database {
  if (globalForDb.keelDb) return globalForDb.keelDb;
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run dev` (embedded database) or set DATABASE_URL.",
    );
  }
  const profile = databaseProfile(Boolean(env.KEEL_EMBEDDED_DB));
  globalForDb.keelDb = createDatabaseClient(
    env.DATABASE_URL,
    clientOptionsFor(profile, {
      poolSize: env.DATABASE_POOL_SIZE,
      timeouts: {
        connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
        statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
        transactionMs: env.DATABASE_TRANSACTION_TIMEOUT_MS,
      },
    }),
  );
  return globalForDb.keelDb;
}

// Connected on first use: `next build` imports route modules without a database.
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const client = getDatabase();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { Database };
