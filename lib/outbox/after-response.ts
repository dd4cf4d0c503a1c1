import "server-only";

import { after } from "next/server";
import { redactedError } from "@/lib/observability/redact-url";
import { runNamedJobs } from "@/lib/jobs/run";
import { deliverOutbox } from "./deliver";
import { collectEnqueued, inEnqueueScope } from "@/lib/jobs/request-scope";
import { logger } from "@/lib/observability/logger";

// Delivered after the response, so a slow mail provider never slows or fails the request.

async function deliverNow(ids: readonly string[] | undefined, label: string): Promise<void> {
  try {
    if (ids?.length === 0) return;
    await (ids ? runNamedJobs(ids) : deliverOutbox({}));
  } catch (error) {
    // Redacted: the error of a failed insert can quote the email, link and token included.
    logger.error(
      { err: redactedError(error) },
      `[outbox] ${label} after the response failed; the cron will retry`,
    );
  }
}

export async function withOutboxDelivery<T>(work: () => Promise<T>): Promise<T> {
  if (inEnqueueScope()) return work();
  const ids = new Set<string>();
  try {
    return await collectEnqueued(ids, work);
  } finally {
    // After the work returned or threw: its transactions are over, committed or not.
    if (ids.size > 0) deliverOutboxAfterResponse([...ids]);
  }
}

// For work whose timing must not show in the answer.
export function runAfterResponse(label: string, work: () => Promise<unknown>): void {
  after(async () => {
    const ids = new Set<string>();
    try {
      await collectEnqueued(ids, work);
    } catch (error) {
      logger.error({ err: redactedError(error) }, `[outbox] ${label} failed after the response`);
    }
    await deliverNow([...ids], label);
  });
}

export function deliverOutboxAfterResponse(ids?: readonly string[]): void {
  after(() => deliverNow(ids, "delivery"));
}
