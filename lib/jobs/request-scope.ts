import { AsyncLocalStorage } from "node:async_hooks";

const enqueued = new AsyncLocalStorage<Set<string>>();

export function recordEnqueued(id: string): void {
  enqueued.getStore()?.add(id);
}

export function inEnqueueScope(): boolean {
  return enqueued.getStore() !== undefined;
}

export function collectEnqueued<T>(ids: Set<string>, work: () => Promise<T>): Promise<T> {
  return enqueued.run(ids, work);
}
