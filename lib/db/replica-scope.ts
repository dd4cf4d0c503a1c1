import "server-only";

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
