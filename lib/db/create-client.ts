import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Database = PrismaClient;

/**
 * How long the app waits on the database, at most. A database that stops answering
 * without closing its connections (a failover, a dropped network path) must cost each
 * request a few seconds and an error, never a hang: every wait below is bounded.
 */
export type DatabaseTimeouts = {
  /** Opening a connection, and waiting for a free one in the pool. */
  connectMs: number;
  /**
   * One statement. The server cancels it after this long (statement_timeout); the client
   * gives up a little later in case the server cannot even say so, and then drops the
   * connection rather than reuse one whose answer may still be on its way.
   */
  statementMs: number;
  /** One interactive transaction, start to end; the server ends idle ones too. */
  transactionMs: number;
};

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 10_000,
  statementMs: 10_000,
  transactionMs: 15_000,
};

/** Extra time the client gives the server to report its own statement timeout. */
const CLIENT_GRACE_MS = 2_000;

/**
 * TCP keep-alive probes start after this long without traffic, so a connection whose
 * peer vanished is noticed (and dropped from the pool) while it sits idle.
 */
const KEEP_ALIVE_INITIAL_DELAY_MS = 10_000;

export type DatabaseClientOptions = {
  /** Connections in the pool. */
  poolSize?: number;
  /**
   * The role every connection switches to before its first query: `keel_app` for the
   * app, which owns no table and cannot bypass row-level security. Null keeps the login
   * role: migrations, the seed and tests that need to see every organization.
   */
  role?: string | null;
  /** Closes a connection after this many checkouts (unset: never); see lib/db/profile.ts. */
  maxUses?: number;
  /** Bounds on every wait (defaults: DEFAULT_DATABASE_TIMEOUTS). */
  timeouts?: Partial<DatabaseTimeouts>;
};

/** The role the application's queries run as (created by the row-level security migration). */
export const APP_ROLE = "keel_app";

const roleName = /^[a-z_][a-z0-9_]{0,62}$/;

type Callback = (error: Error | null, result?: unknown) => void;

function isReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === "Query read timeout";
}

/**
 * The pg client the pool makes its connections with.
 *
 * - With a role, it runs `SET ROLE` as part of connecting, so a connection that cannot
 *   take the role fails loudly instead of quietly running as the (more powerful) login
 *   role. A startup option would do the same on PostgreSQL, but the embedded database
 *   ignores startup options; SET ROLE behaves the same on both.
 * - When a query gets no answer within query_timeout, pg rejects it but keeps the
 *   connection, whose protocol is now out of step: the next query sent on it would wait
 *   behind the lost one. Prisma returns a transaction's connection to the pool without
 *   saying it failed, so such a connection would be handed out again and again. It is
 *   destroyed instead; the pool drops closed connections and opens fresh ones.
 */
function keelClient(role: string | null): typeof pg.Client {
  if (role !== null && !roleName.test(role)) throw new Error(`Invalid database role name: ${role}`);
  class KeelClient extends pg.Client {}
  const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  function queryDroppingLostConnections(this: pg.Client, ...args: unknown[]) {
    const drop = (error: unknown) => {
      if (isReadTimeout(error)) (this as unknown as ClientInternals).connection?.stream.destroy();
    };
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as Callback;
      args[args.length - 1] = (error: Error | null, result?: unknown) => {
        drop(error);
        callback(error, result);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result instanceof Promise) result.catch(drop);
    return result;
  }
  KeelClient.prototype.query = queryDroppingLostConnections as typeof pg.Client.prototype.query;
  if (role === null) return KeelClient;
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
  KeelClient.prototype.connect = connectWithRole as typeof pg.Client.prototype.connect;
  return KeelClient;
}

/** The part of pg's client that is not in its types: the socket behind a connection. */
type ClientInternals = { connection?: { stream: { destroy(): void } } };

/**
 * Builds a Prisma client over node-postgres. No native query engine is involved,
 * so the same code runs on serverless hosts, in tests and against the embedded database.
 */
export function createDatabaseClient(
  connectionString: string,
  { poolSize = 10, role = null, maxUses, timeouts = {} }: DatabaseClientOptions = {},
): Database {
  const { connectMs, statementMs, transactionMs } = { ...DEFAULT_DATABASE_TIMEOUTS, ...timeouts };
  // A pool config rather than a pool: the adapter owns it and closes it on $disconnect().
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    // Also bounds the wait for a free connection, session reads outside transactions included.
    connectionTimeoutMillis: connectMs,
    // Sent at connection start: the server cancels long statements and ends transactions
    // left open (a client that vanished mid-transaction would otherwise hold its locks).
    statement_timeout: statementMs,
    idle_in_transaction_session_timeout: transactionMs,
    // The client's own bound, for a server or network that does not answer at all.
    query_timeout: statementMs + CLIENT_GRACE_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEP_ALIVE_INITIAL_DELAY_MS,
    ...(maxUses ? { maxUses } : {}),
    Client: keelClient(role),
  });
  return new PrismaClient({
    adapter,
    transactionOptions: { maxWait: connectMs, timeout: transactionMs },
  });
}
