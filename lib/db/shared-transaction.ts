import "server-only";

import { withScope, type Scope, type ScopedDb } from "./tenant";

type Job = {
  run: (tx: ScopedDb) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

export type SharedTransaction = {
  read<T>(fn: (tx: ScopedDb) => Promise<T>): Promise<T>;
  enter(organizationId: string): void;
};

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// Reads close together share one scoped transaction, committed a loop turn after the last; a
// failed read ends it and the reads still waiting get a fresh one.
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
