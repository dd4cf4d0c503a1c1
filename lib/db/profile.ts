import { APP_ROLE, type DatabaseClientOptions, type DatabaseTimeouts } from "./create-client";

// "embedded" is PGlite behind pglite-socket: one session for every connection, and it can
// interleave the protocol messages of concurrent connections.
export type DatabaseProfile = "server" | "embedded";

// The embedded pool's one connection is a queue on a busy machine; it ignores server timeouts.
export const EMBEDDED_DATABASE_TIMEOUTS: Partial<DatabaseTimeouts> = {
  connectMs: 60_000,
  transactionMs: 60_000,
};

export function databaseProfile(embedded: boolean): DatabaseProfile {
  return embedded ? "embedded" : "server";
}

export function clientOptionsFor(
  profile: DatabaseProfile,
  settings: { poolSize?: number; timeouts?: Partial<DatabaseTimeouts> } = {},
): DatabaseClientOptions {
  if (profile === "server") {
    return { poolSize: settings.poolSize, role: APP_ROLE, timeouts: settings.timeouts };
  }
  return {
    // One connection keeps the protocol in order; a fresh socket per checkout stops one that saw a
    // failed statement answering wrongly. No session-wide SET ROLE: it would leak into migrations.
    poolSize: 1,
    role: null,
    maxUses: 1,
    timeouts: { ...settings.timeouts, ...EMBEDDED_DATABASE_TIMEOUTS },
  };
}
