import "server-only";

import { env } from "@/lib/env";
import {
  APP_ROLE,
  createDatabaseClient,
  EMBEDDED_DATABASE_TIMEOUTS,
  type Database,
} from "./create-client";

// One client per server process. In development Next re-evaluates modules on every
// change; keeping the client on globalThis stops each reload from opening a new pool.
const globalForDb = globalThis as unknown as { keelDb?: Database };

function getDatabase(): Database {
  if (globalForDb.keelDb) return globalForDb.keelDb;
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run dev` (embedded database) or set DATABASE_URL.",
    );
  }
  // On PostgreSQL every connection runs as the app role, which row-level security applies
  // to. The embedded database serves all connections from one session, where a session-wide
  // SET ROLE would leak into every other client (migrations, the seed): there, scoped
  // transactions take the role for themselves (lib/db/tenant.ts), as they do everywhere.
  globalForDb.keelDb = createDatabaseClient(env.DATABASE_URL, {
    // The embedded database runs every connection on one backend, and its socket server
    // can interleave the protocol messages of concurrent connections (a query was seen
    // answered with another query's rows): one connection keeps them in order, and a
    // fresh one per checkout stops a connection that saw a failed statement from
    // answering later queries wrongly (see maxUses in create-client.ts).
    poolSize: env.KEEL_EMBEDDED_DB ? 1 : env.DATABASE_POOL_SIZE,
    role: env.KEEL_EMBEDDED_DB ? null : APP_ROLE,
    ...(env.KEEL_EMBEDDED_DB ? { maxUses: 1 } : {}),
    timeouts: {
      connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      transactionMs: env.DATABASE_TRANSACTION_TIMEOUT_MS,
      ...(env.KEEL_EMBEDDED_DB ? EMBEDDED_DATABASE_TIMEOUTS : {}),
    },
  });
  return globalForDb.keelDb;
}

/**
 * The app's Prisma client, connected on first use: `next build` imports route
 * modules to analyse them and must not need a database to do so.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const client = getDatabase();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { Database };
