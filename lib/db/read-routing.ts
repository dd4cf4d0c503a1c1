import "server-only";

import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { createDatabaseClient, type Database } from "./create-client";
import { appClientOptions, db } from "./index";
import { mustReadOwnWrites } from "./read-your-writes";
import { replicaSet, type ReplicaSet } from "./replica-set";

export const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

const globalForReplicas = globalThis as unknown as { keelReplicas?: ReplicaSet };

function replicas(): ReplicaSet | null {
  const urls = env.DATABASE_REPLICA_URLS ?? [];
  // The embedded database has no replicas; one set in development would be a mistake.
  if (urls.length === 0 || env.KEEL_EMBEDDED_DB) return null;
  if (globalForReplicas.keelReplicas) return globalForReplicas.keelReplicas;
  const options = appClientOptions();
  const connectMs = Math.min(
    options.timeouts?.connectMs ?? REPLICA_CONNECT_TIMEOUT_MS,
    REPLICA_CONNECT_TIMEOUT_MS,
  );
  // Direct connections: SET ROLE on connect as on an unpooled primary; each scope sets it again.
  const clients = urls.map((url) =>
    createDatabaseClient(url, {
      ...options,
      pooled: false,
      timeouts: { ...options.timeouts, connectMs },
    }),
  );
  globalForReplicas.keelReplicas = replicaSet(
    clients,
    () => db,
    ({ replica, error }) =>
      logger.warn(
        { err: error, replica },
        "[db] read replica did not answer; the read went to the primary",
      ),
  );
  return globalForReplicas.keelReplicas;
}

export function replicasConfigured(): boolean {
  return (env.DATABASE_REPLICA_URLS ?? []).length > 0 && !env.KEEL_EMBEDDED_DB;
}

// The primary, not a replica, right after the user's own write, so they see it.
export async function lagTolerantRead<T>(read: (client: Database) => Promise<T>): Promise<T> {
  const set = replicas();
  if (!set || (await mustReadOwnWrites())) return read(db);
  return set.read(read);
}

export async function disconnectReplicas(): Promise<void> {
  const set = globalForReplicas.keelReplicas;
  globalForReplicas.keelReplicas = undefined;
  await set?.disconnect();
}
