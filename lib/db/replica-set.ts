import type { Database } from "./create-client";
import { isDatabaseUnavailable } from "./unavailable";

export const REPLICA_RETRY_AFTER_MS = 30_000;

export type ReplicaFallback = { replica: number; error: unknown };

export type ReplicaSet = {
  /** Only an unreachable or overloaded replica is retried on the primary, not read errors. */
  read<T>(read: (client: Database) => Promise<T>): Promise<T>;
  disconnect(): Promise<void>;
};

// A hot standby cancels reads replay must overtake ("conflict with recovery"); the primary won't.
function replicaGaveUp(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  const text = error instanceof Error ? error.message : String(error);
  return /conflict with recovery/.test(text);
}

export function replicaSet(
  replicas: readonly Database[],
  primary: () => Database,
  onFallback: (fallback: ReplicaFallback) => void,
  now: () => number = Date.now,
): ReplicaSet {
  const restingUntil = replicas.map(() => 0);
  let next = 0;

  function pick(): number | null {
    for (let tried = 0; tried < replicas.length; tried++) {
      const index = next;
      next = (next + 1) % replicas.length;
      if ((restingUntil[index] ?? 0) <= now()) return index;
    }
    return null;
  }

  return {
    async read<T>(read: (client: Database) => Promise<T>): Promise<T> {
      const index = pick();
      const replica = index === null ? undefined : replicas[index];
      if (index === null || !replica) return read(primary());
      try {
        return await read(replica);
      } catch (error) {
        if (!replicaGaveUp(error)) throw error;
        if (isDatabaseUnavailable(error)) restingUntil[index] = now() + REPLICA_RETRY_AFTER_MS;
        onFallback({ replica: index, error });
        return read(primary());
      }
    },
    async disconnect() {
      await Promise.all(replicas.map((replica) => replica.$disconnect()));
    },
  };
}
