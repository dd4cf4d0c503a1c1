import "server-only";

import { env } from "@/lib/env";
import { createDatabaseClient, type Database, type DatabaseTimeouts } from "./create-client";
import { behindPooler, clientOptionsFor, databaseProfile, resolvedTimeouts } from "./profile";

// On globalThis so development reloads reuse one pool.
const globalForDb = globalThis as unknown as { keelDb?: Database };

export function appClientOptions() {
  return clientOptionsFor(databaseProfile(Boolean(env.KEEL_EMBEDDED_DB)), {
    poolSize: env.DATABASE_POOL_SIZE,
    pooled: behindPooler({ databaseUrl: env.DATABASE_URL, directUrl: env.DIRECT_URL }),
    timeouts: {
      connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      transactionMs: env.DATABASE_TRANSACTION_TIMEOUT_MS,
    },
  });
}

function getDatabase(): Database {
  if (globalForDb.keelDb) return globalForDb.keelDb;
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run dev` (embedded database) or set DATABASE_URL.",
    );
  }
  globalForDb.keelDb = createDatabaseClient(env.DATABASE_URL, appClientOptions());
  return globalForDb.keelDb;
}

export function databaseTimeouts(): DatabaseTimeouts {
  return resolvedTimeouts(appClientOptions());
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
