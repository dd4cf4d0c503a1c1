import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Database = PrismaClient;

// Every wait is bounded: a silent database costs a request seconds and an error, never a hang.
export type DatabaseTimeouts = {
  connectMs: number;
  // The client gives up after the server would, then drops a connection whose answer may still come.
  statementMs: number;
  transactionMs: number;
};

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 10_000,
  statementMs: 10_000,
  transactionMs: 15_000,
};

const CLIENT_GRACE_MS = 2_000;

const KEEP_ALIVE_INITIAL_DELAY_MS = 10_000;

export type DatabaseClientOptions = {
  poolSize?: number;
  // keel_app cannot bypass row-level security; null keeps the login role (migrations, seed).
  role?: string | null;
  maxUses?: number;
  timeouts?: Partial<DatabaseTimeouts>;
};

export const APP_ROLE = "keel_app";

const roleName = /^[a-z_][a-z0-9_]{0,62}$/;

type Callback = (error: Error | null, result?: unknown) => void;

function isReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === "Query read timeout";
}

// SET ROLE while connecting, so a failed switch fails loudly (the embedded database ignores
// startup options). A query_timeout leaves the protocol out of step and Prisma would reuse the
// connection silently, so it is destroyed.
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

type ClientInternals = { connection?: { stream: { destroy(): void } } };

export function createDatabaseClient(
  connectionString: string,
  { poolSize = 10, role = null, maxUses, timeouts = {} }: DatabaseClientOptions = {},
): Database {
  const { connectMs, statementMs, transactionMs } = { ...DEFAULT_DATABASE_TIMEOUTS, ...timeouts };
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: connectMs,
    // A client that vanished mid-transaction would otherwise hold its locks.
    statement_timeout: statementMs,
    idle_in_transaction_session_timeout: transactionMs,
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
