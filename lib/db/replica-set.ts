import type { Database } from "./create-client";
import { isDatabaseUnavailable } from "./unavailable";

/** After a replica fails to answer, reads skip it for this long instead of each waiting on it. */
export const REPLICA_RETRY_AFTER_MS = 30_000;

export type ReplicaFallback = { replica: number; error: unknown };

export type ReplicaSet = {
  /**
   * Runs a read-only `read` on the next replica in turn; on the primary when every replica is
   * resting after a failure, or when the chosen one does not answer. Errors of the read itself
   * (a bug, a refusal) are not retried: only an unreachable or overloaded replica is.
   */
  read<T>(read: (client: Database) => Promise<T>): Promise<T>;
  disconnect(): Promise<void>;
};

// A hot standby cancels a read that replay must overtake (40001, "conflict with recovery"); the
// primary has no such conflict, so that read is retried there too.
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
