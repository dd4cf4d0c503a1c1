import { AsyncLocalStorage } from "node:async_hooks";

/** The outbox rows queued in the current request (see after-response.ts). */
const enqueued = new AsyncLocalStorage<Set<string>>();

/** Notes an outbox row for delivery after the response (a no-op outside a request scope). */
export function recordEnqueued(id: string): void {
  enqueued.getStore()?.add(id);
}

export function inEnqueueScope(): boolean {
  return enqueued.getStore() !== undefined;
}

/** Runs `work` collecting into `ids` what it queues. */
export function collectEnqueued<T>(ids: Set<string>, work: () => Promise<T>): Promise<T> {
  return enqueued.run(ids, work);
}
