import "server-only";

import { replicasConfigured } from "./read-routing";
import { mustReadOwnWrites } from "./read-your-writes";
import { withScope, type Scope, type ScopedDb } from "./tenant";

export function withReplicaScope<T>(scope: Scope, fn: (tx: ScopedDb) => Promise<T>): Promise<T> {
  return withScope(scope, fn, { replica: true });
}

export function withReplicaTenant<T>(
  organizationId: string,
  fn: (tx: ScopedDb) => Promise<T>,
): Promise<T> {
  return withScope({ organizationId }, fn, { replica: true });
}

// Falls back to `onPrimary` (a page's shared transaction), so the page still reads in one.
export async function withReplicaScopeOr<T>(
  scope: Scope,
  fn: (tx: ScopedDb) => Promise<T>,
  onPrimary: (fn: (tx: ScopedDb) => Promise<T>) => Promise<T>,
): Promise<T> {
  if (!replicasConfigured() || (await mustReadOwnWrites())) return onPrimary(fn);
  return withReplicaScope(scope, fn);
}
