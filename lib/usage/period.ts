// Counts are kept per minute bucket, flushed once it is closed and late writes are over.
export const BUCKET_MS = 60_000;
export const BUCKET_GRACE_MS = 60_000;

export function bucketStart(at: Date | number): number {
  const ms = typeof at === "number" ? at : at.getTime();
  return Math.floor(ms / BUCKET_MS) * BUCKET_MS;
}

export function closedBefore(now: Date): number {
  return bucketStart(now.getTime() - BUCKET_GRACE_MS);
}

export type UsagePeriod = { key: string; start: Date; end: Date };

// Included calls are per calendar month in UTC, whatever the subscription's anchor day.
export function usagePeriod(at: Date): UsagePeriod {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return { key: start.toISOString().slice(0, 7), start, end };
}

/** Billed units: started thousands beyond the included calls. */
export function overageUnits(calls: number, includedCalls: number): number {
  return Math.ceil(Math.max(0, calls - includedCalls) / 1000);
}

export const usageThresholds = [80, 100] as const;
export type UsageThreshold = (typeof usageThresholds)[number];

export function reachedThresholds(calls: number, includedCalls: number): UsageThreshold[] {
  if (includedCalls <= 0) return [];
  return usageThresholds.filter((percent) => calls * 100 >= includedCalls * percent);
}
