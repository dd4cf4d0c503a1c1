import "server-only";

import { withScope, type Scope, type ScopedDb } from "./tenant";

type Job = {
  run: (tx: ScopedDb) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

export type SharedTransaction = {
  /** Runs `fn` in the open transaction, or opens one. */
  read<T>(fn: (tx: ScopedDb) => Promise<T>): Promise<T>;
  /** Adds the organization to the scope of transactions opened from now on. */
  enter(organizationId: string): void;
};

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads issued close together (a layout and its page rendering side by side) share one
 * scoped transaction: it stays open while reads keep arriving and commits one event-loop
 * turn after the last. Reads run one at a time, in order. A read that fails ends its
 * transaction; the reads still waiting get a fresh one.
 */
export function sharedTransaction(initial: Scope): SharedTransaction {
  const scope: Scope = { ...initial };
  const queue: Job[] = [];
  let open = false;

  async function drain(): Promise<void> {
    let current: Job | undefined;
    try {
      await withScope(scope, async (tx) => {
        for (;;) {
          current = queue.shift();
          if (!current) {
            await nextTurn();
            current = queue.shift();
            if (!current) return;
          }
          current.resolve(await current.run(tx));
          current = undefined;
        }
      });
    } catch (error) {
      // The read that failed gets its error; if the transaction never opened, all do.
      if (current) current.reject(error);
      else for (const job of queue.splice(0)) job.reject(error);
    } finally {
      open = queue.length > 0;
      if (open) void drain();
    }
  }

  return {
    read<T>(fn: (tx: ScopedDb) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ run: fn, resolve: resolve as (value: unknown) => void, reject });
        if (!open) {
          open = true;
          void drain();
        }
      });
    },
    enter(organizationId: string) {
      scope.organizationId = organizationId;
    },
  };
}
