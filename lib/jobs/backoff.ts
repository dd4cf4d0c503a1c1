/**
 * When to try a failed job again. Exponential so an outage is not hammered, capped so a
 * job is never parked for hours, and jittered so the jobs that failed together during an
 * outage do not all retry in the same second.
 */
export const retryPolicy = {
  /** Delay after the first failed attempt. */
  baseDelayMs: 30_000,
  /** No delay is longer than this. */
  maxDelayMs: 60 * 60_000,
  /** Up to this fraction is taken off each delay at random. */
  jitter: 0.2,
  /** The email kind's attempt limit; each kind sets its own (lib/jobs/kinds). */
  maxAttempts: 8,
} as const;

/**
 * Milliseconds to wait after failed attempt number `attempt` (1 for the first):
 * 30 s, 1 min, 2 min, … up to 1 h, each reduced by up to 20 % at random.
 * `random` returns a number in [0, 1); tests pass a fixed one.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const { baseDelayMs, maxDelayMs, jitter } = retryPolicy;
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // Capping the exponent keeps 2 ** exponent finite for absurd attempt counts.
  const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(exponent, 30));
  const fraction = Math.min(Math.max(random(), 0), 1);
  return Math.round(delay * (1 - jitter * fraction));
}
