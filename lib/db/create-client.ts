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
  // APP_ROLE cannot bypass row-level security; null keeps the login role (migrations, seed).
  role?: string | null;
  // Behind a transaction pooler statements may reach different server sessions: nothing is set
  // per session (README, "Connection pooling").
  pooled?: boolean;
  maxUses?: number;
  idleMs?: number;
  timeouts?: Partial<DatabaseTimeouts>;
};

export const APP_ROLE = "keel_app";

const roleName = /^[a-z_][a-z0-9_]{0,62}$/;

type Callback = (error: Error | null, result?: unknown) => void;

function isReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === "Query read timeout";
}

// Set again per transaction: behind a pooler the session's limits are the login role's defaults.
export function transactionTimeoutSettings(timeouts: DatabaseTimeouts): [string, string][] {
  return [
    ["statement_timeout", String(timeouts.statementMs)],
    ["idle_in_transaction_session_timeout", String(timeouts.transactionMs)],
  ];
}

async function checkRole(client: pg.Client, role: string): Promise<void> {
  const { rows } = await client.query<{ role: string }>("SELECT current_user AS role");
  if (rows[0]?.role === role) return;
  throw new Error(
    `Behind a connection pooler the database login must default to the role ${role}, but it is ${rows[0]?.role}: run ALTER ROLE <login> SET role = '${role}' (README, "Connection pooling").`,
  );
}

// SET ROLE on connect so a failed switch fails loudly (embedded ignores startup options); pooled,
// the login role's default is checked. A query_timeout desyncs the protocol: destroy the socket.
function keelClient(role: string | null, pooled: boolean): typeof pg.Client {
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
  const appRole = role;
  function connectWithRole(
    this: pg.Client,
    callback?: (error: Error | null, c?: pg.Client) => void,
  ) {
    const connect = pg.Client.prototype.connect as (this: pg.Client) => Promise<pg.Client>;
    const connected = connect
      .call(this)
      .then(async () => {
        if (pooled) await checkRole(this, appRole);
        else await this.query(`SET ROLE "${appRole}"`);
      })
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
  {
    poolSize = 10,
    role = null,
    pooled = false,
    maxUses,
    idleMs,
    timeouts = {},
  }: DatabaseClientOptions = {},
): Database {
  const { connectMs, statementMs, transactionMs } = { ...DEFAULT_DATABASE_TIMEOUTS, ...timeouts };
  // Sent in the startup packet, which poolers refuse ("unsupported startup parameter") or drop.
  const sessionTimeouts = pooled
    ? {}
    : {
        statement_timeout: statementMs,
        idle_in_transaction_session_timeout: transactionMs,
      };
  // Unnamed statements: none outlives its transaction on a session a pooler hands to someone else.
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: connectMs,
    ...sessionTimeouts,
    query_timeout: statementMs + CLIENT_GRACE_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEP_ALIVE_INITIAL_DELAY_MS,
    ...(maxUses ? { maxUses } : {}),
    ...(idleMs ? { idleTimeoutMillis: idleMs } : {}),
    Client: keelClient(role, pooled),
  });
  return new PrismaClient({
    adapter,
    transactionOptions: { maxWait: connectMs, timeout: transactionMs },
  });
}
