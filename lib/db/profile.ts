import { APP_ROLE, type DatabaseClientOptions, type DatabaseTimeouts } from "./create-client";

/**
 * Which kind of database the app talks to, and everything that differs between them.
 * "server" is PostgreSQL. "embedded" is PGlite behind pglite-socket (development and
 * tests), which serves every connection from one session and can interleave the
 * protocol messages of concurrent connections.
 */
export type DatabaseProfile = "server" | "embedded";

/**
 * The embedded database's pool has one connection every request queues for, on a machine
 * that may be busy: waiting there is a queue, not a database that is gone. It ignores
 * the server-side timeouts anyway.
 */
export const EMBEDDED_DATABASE_TIMEOUTS: Partial<DatabaseTimeouts> = {
  connectMs: 60_000,
  transactionMs: 60_000,
};

export function databaseProfile(embedded: boolean): DatabaseProfile {
  return embedded ? "embedded" : "server";
}

/** Pool, role and bounds for a profile; `settings` are the deployment's own. */
export function clientOptionsFor(
  profile: DatabaseProfile,
  settings: { poolSize?: number; timeouts?: Partial<DatabaseTimeouts> } = {},
): DatabaseClientOptions {
  if (profile === "server") {
    // Every connection runs as the app role, to which row-level security applies.
    return { poolSize: settings.poolSize, role: APP_ROLE, timeouts: settings.timeouts };
  }
  return {
    // One connection keeps the protocol in order, and a fresh socket per checkout stops
    // one that saw a failed statement from answering later queries wrongly. A
    // session-wide SET ROLE would leak into every other client (migrations, the seed):
    // scoped transactions take the role for themselves (lib/db/tenant.ts).
    poolSize: 1,
    role: null,
    maxUses: 1,
    timeouts: { ...settings.timeouts, ...EMBEDDED_DATABASE_TIMEOUTS },
  };
}
