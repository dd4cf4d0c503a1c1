import "server-only";

import { withScope, type Scope, type ScopedDb } from "./tenant";

type Job = {
  run: (tx: ScopedDb) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

type Opening = (tx: ScopedDb, settings: string[]) => Promise<void>;

export type SharedTransaction = {
  read<T>(fn: (tx: ScopedDb) => Promise<T>): Promise<T>;
  /** The first read, which applies the scope's settings itself (ScopeOptions.open). */
  open<T>(fn: (tx: ScopedDb, settings: string[]) => Promise<T>): Promise<T>;
  enter(organizationId: string): void;
};

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// Reads close together share one scoped transaction, committed a loop turn after the last; a
// failed read ends it and the reads still waiting get a fresh one.
export function sharedTransaction(initial: Scope): SharedTransaction {
  const scope: Scope = { ...initial };
  const queue: Job[] = [];
  let running = false;
  let opening: Opening | undefined;

  async function drain(): Promise<void> {
    let current: Job | undefined;
    const open = opening;
    opening = undefined;
    try {
      await withScope(
        scope,
        async (tx) => {
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
        },
        { open },
      );
    } catch (error) {
      if (current) current.reject(error);
      else for (const job of queue.splice(0)) job.reject(error);
    } finally {
      running = queue.length > 0;
      if (running) void drain();
    }
  }

  function read<T>(fn: (tx: ScopedDb) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ run: fn, resolve: resolve as (value: unknown) => void, reject });
      if (!running) {
        running = true;
        void drain();
      }
    });
  }

  return {
    read,
    open<T>(fn: (tx: ScopedDb, settings: string[]) => Promise<T>): Promise<T> {
      if (running) throw new Error("open() must be a shared transaction's first read.");
      const opened: { value?: T } = {};
      opening = async (tx, settings) => {
        opened.value = await fn(tx, settings);
      };
      return read(async () => opened.value as T);
    },
    enter(organizationId: string) {
      scope.organizationId = organizationId;
    },
  };
}
