import {
  APP_ROLE,
  DEFAULT_DATABASE_TIMEOUTS,
  type DatabaseClientOptions,
  type DatabaseTimeouts,
} from "./create-client";

// "embedded": PGlite via pglite-socket, one shared session that may interleave connections.
export type DatabaseProfile = "server" | "embedded";

// The embedded pool's one connection is a queue on a busy machine; it ignores server timeouts.
export const EMBEDDED_DATABASE_TIMEOUTS: Partial<DatabaseTimeouts> = {
  connectMs: 60_000,
  transactionMs: 60_000,
};

export function databaseProfile(embedded: boolean): DatabaseProfile {
  return embedded ? "embedded" : "server";
}

// A DIRECT_URL of its own means DATABASE_URL goes through a transaction pooler.
export function behindPooler(urls: { databaseUrl?: string; directUrl?: string }): boolean {
  return Boolean(urls.directUrl) && urls.directUrl !== urls.databaseUrl;
}

export function clientOptionsFor(
  profile: DatabaseProfile,
  settings: { poolSize?: number; timeouts?: Partial<DatabaseTimeouts>; pooled?: boolean } = {},
): DatabaseClientOptions {
  if (profile === "server") {
    return {
      poolSize: settings.poolSize,
      role: APP_ROLE,
      pooled: settings.pooled ?? false,
      timeouts: settings.timeouts,
    };
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

export function resolvedTimeouts(options: DatabaseClientOptions): DatabaseTimeouts {
  return { ...DEFAULT_DATABASE_TIMEOUTS, ...options.timeouts };
}
