import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";
import { cookies } from "next/headers";

// Replicas normally trail by well under a second; this covers a busy one.
export const RECENT_WRITE_WINDOW_MS = 5_000;

// A cookie, so any instance sees it. It only moves reads to the primary: a forged or dropped one
// costs at most the sender's own freshness.
export const RECENT_WRITE_COOKIE = "keel.recent-write";

const writing = new AsyncLocalStorage<true>();

export function asWrite<T>(work: () => Promise<T>): Promise<T> {
  return writing.run(true, work);
}

export function recentWriteUntil(now = Date.now()): number {
  return now + RECENT_WRITE_WINDOW_MS;
}

export async function mustReadOwnWrites(now = Date.now()): Promise<boolean> {
  if (writing.getStore()) return true;
  let value: string | undefined;
  try {
    value = (await cookies()).get(RECENT_WRITE_COOKIE)?.value;
  } catch (error) {
    // No request: no user whose writes must show. Anything else is Next's signal: rethrow it.
    if (outsideRequestScope(error)) return false;
    throw error;
  }
  const until = Number(value);
  return Number.isFinite(until) && now < until && until - now <= RECENT_WRITE_WINDOW_MS;
}

// Matched on the message: `unstable_rethrow` would load the client router under plain Node.
export function outsideRequestScope(error: unknown): boolean {
  return error instanceof Error && error.message.includes("was called outside a request scope");
}
