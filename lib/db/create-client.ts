import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Database = PrismaClient;

export type DatabaseClientOptions = {
  /** Connections in the pool. */
  poolSize?: number;
  /**
   * The role every connection switches to before its first query: `keel_app` for the
   * app, which owns no table and cannot bypass row-level security. Null keeps the login
   * role: migrations, the seed and tests that need to see every organization.
   */
  role?: string | null;
  /**
   * Closes a connection after this many checkouts (unset: never). The embedded database
   * uses 1: its socket server (pglite-socket 0.1.3) can leave a connection answering
   * later queries with the wrong results after a failed statement in a transaction (a
   * session lookup came back empty after a unique violation). A fresh local socket per
   * checkout leaves nothing behind.
   */
  maxUses?: number;
  /** Defaults for interactive transactions: how long to wait for a connection, and to run. */
  transactionOptions?: { maxWait?: number; timeout?: number };
};

/** The role the application's queries run as (created by the row-level security migration). */
export const APP_ROLE = "keel_app";

const roleName = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A pg client that runs `SET ROLE` as part of connecting, so a connection that cannot
 * take the role fails loudly instead of quietly running as the (more powerful) login
 * role. A startup option would do the same on PostgreSQL, but the embedded database
 * ignores startup options; SET ROLE behaves the same on both.
 */
function clientWithRole(role: string): typeof pg.Client {
  if (!roleName.test(role)) throw new Error(`Invalid database role name: ${role}`);
  class RoleClient extends pg.Client {}
  // pg-pool calls connect(callback); other callers use the promise.
  function connectWithRole(
    this: pg.Client,
    callback?: (error: Error | null, c?: pg.Client) => void,
  ) {
    const connect = pg.Client.prototype.connect as (this: pg.Client) => Promise<pg.Client>;
    const connected = connect
      .call(this)
      .then(() => this.query(`SET ROLE "${role}"`))
      .then(() => this);
    if (!callback) return connected;
    connected.then(
      (client) => callback(null, client),
      (error: Error) => callback(error),
    );
  }
  RoleClient.prototype.connect = connectWithRole as typeof pg.Client.prototype.connect;
  return RoleClient;
}

/**
 * Builds a Prisma client over node-postgres. No native query engine is involved,
 * so the same code runs on serverless hosts, in tests and against the embedded database.
 */
export function createDatabaseClient(
  connectionString: string,
  { poolSize = 10, role = null, maxUses, transactionOptions }: DatabaseClientOptions = {},
): Database {
  // A pool config rather than a pool: the adapter owns it and closes it on $disconnect().
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    ...(maxUses ? { maxUses } : {}),
    ...(role ? { Client: clientWithRole(role) } : {}),
  });
  return new PrismaClient({ adapter, ...(transactionOptions ? { transactionOptions } : {}) });
}
