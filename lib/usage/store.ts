export type UsageCount = { organizationId: string; apiKeyId: string; count: number };

export type ClosedBucket = {
  /** Where the counts were held: part of the idempotency key of their rows. */
  source: string;
  start: number;
  counts: UsageCount[];
};

export interface UsageStore {
  /** Synchronous for the caller: a remote write is fire-and-forget. */
  increment(bucket: number, organizationId: string, apiKeyId: string): void;
  closedBuckets(before: number): Promise<ClosedBucket[]>;
  holdsCounts(): Promise<boolean>;
  /** Forgets a bucket once its rows are committed. */
  acknowledge(bucket: ClosedBucket): Promise<void>;
}

// Organization and key ids are cuids: a space never occurs in them.
export const fieldOf = (organizationId: string, apiKeyId: string) =>
  `${organizationId} ${apiKeyId}`;

export function countOf(field: string, count: number): UsageCount | null {
  const [organizationId, apiKeyId, extra] = field.split(" ");
  if (!organizationId || !apiKeyId || extra !== undefined || !(count > 0)) return null;
  return { organizationId, apiKeyId, count };
}
