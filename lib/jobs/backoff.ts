// Exponential (capped at 1 h) so an outage is not hammered; jittered so failed jobs do not herd.
export const retryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  jitter: 0.2,
  maxAttempts: 8,
} as const;

export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const { baseDelayMs, maxDelayMs, jitter } = retryPolicy;
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // Capping the exponent keeps 2 ** exponent finite for absurd attempt counts.
  const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(exponent, 30));
  const fraction = Math.min(Math.max(random(), 0), 1);
  return Math.round(delay * (1 - jitter * fraction));
}
