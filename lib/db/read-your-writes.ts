import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";
import { cookies } from "next/headers";

/**
 * How long after a user's last write their reads stay on the primary. Replicas normally trail
 * by well under a second; this covers a busy one without sending every read to the primary.
 */
export const RECENT_WRITE_WINDOW_MS = 5_000;

/**
 * Set by the action pipeline after a successful write (lib/actions/recent-write.ts). A cookie, so
 * the browser's next request sees it whichever server instance answers. It only ever moves reads
 * to the primary, so a forged or dropped one costs freshness of the sender's own view at most.
 */
export const RECENT_WRITE_COOKIE = "keel.recent-write";

const writing = new AsyncLocalStorage<true>();

/** Runs a write (an action) so every read inside it, even a lag-tolerant one, sees the primary. */
export function asWrite<T>(work: () => Promise<T>): Promise<T> {
  return writing.run(true, work);
}

export function recentWriteUntil(now = Date.now()): number {
  return now + RECENT_WRITE_WINDOW_MS;
}

/** True inside a write, and for a few seconds after the same browser's last write. */
export async function mustReadOwnWrites(now = Date.now()): Promise<boolean> {
  if (writing.getStore()) return true;
  let value: string | undefined;
  try {
    value = (await cookies()).get(RECENT_WRITE_COOKIE)?.value;
  } catch (error) {
    // Outside a request (jobs, scripts) there is no user whose writes must show. Anything else
    // (a prerender bailing out to dynamic rendering) is Next's own signal: not ours to swallow.
    if (outsideRequestScope(error)) return false;
    throw error;
  }
  const until = Number(value);
  return Number.isFinite(until) && now < until && until - now <= RECENT_WRITE_WINDOW_MS;
}

/**
 * Whether `cookies()` refused because no request is being served (a job, a script). Matched on
 * Next's message rather than with `unstable_rethrow` from next/navigation, which loads the client
 * router under plain Node (scripts and benchmarks importing the data layer).
 */
export function outsideRequestScope(error: unknown): boolean {
  return error instanceof Error && error.message.includes("was called outside a request scope");
}
