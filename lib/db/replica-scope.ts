import "server-only";

import { replicasConfigured } from "./read-routing";
import { mustReadOwnWrites } from "./read-your-writes";
import { withScope, type Scope, type ScopedDb } from "./tenant";

// Reads that tolerate a little lag (lists, the audit log, the console): on a read replica when
// one is configured, READ ONLY in the same transaction-local scope as withScope. The user's own
// recent writes still show (lib/db/read-your-writes.ts).

export function withReplicaScope<T>(scope: Scope, fn: (tx: ScopedDb) => Promise<T>): Promise<T> {
  return withScope(scope, fn, { replica: true });
}

export function withReplicaTenant<T>(
  organizationId: string,
  fn: (tx: ScopedDb) => Promise<T>,
): Promise<T> {
  return withScope({ organizationId }, fn, { replica: true });
}

/**
 * On a replica when one would serve this read, else through `onPrimary`: a page's shared
 * transaction, so without replicas (or right after the user's write) the page still reads in one.
 */
export async function withReplicaScopeOr<T>(
  scope: Scope,
  fn: (tx: ScopedDb) => Promise<T>,
  onPrimary: (fn: (tx: ScopedDb) => Promise<T>) => Promise<T>,
): Promise<T> {
  if (!replicasConfigured() || (await mustReadOwnWrites())) return onPrimary(fn);
  return withReplicaScope(scope, fn);
}
