import "server-only";

import { after } from "next/server";
import { redactedError } from "@/lib/http/redact-url";
import { deliverOutbox } from "./deliver";
import { collectEnqueued, inEnqueueScope } from "@/lib/jobs/request-scope";

/**
 * Outbox rows a request queued, delivered once the response has been sent, so a slow or
 * failing mail provider never slows down or fails the request. The action chain and the
 * route wrappers open the scope; `enqueueEmail` records into it; nobody passes ids.
 *
 * Only committed rows can be delivered: delivery selects the recorded ids in the table,
 * and a rolled-back transaction left none behind. Errors are logged, not thrown: whatever
 * is not delivered here stays in the outbox for the cron route (/api/cron/outbox).
 */

async function deliverNow(ids: readonly string[] | undefined, label: string): Promise<void> {
  try {
    if (ids?.length === 0) return;
    await deliverOutbox(ids ? { ids } : {});
  } catch (error) {
    // Redacted: the error of a failed insert can quote the email, link and token included.
    console.error(
      `[outbox] ${label} after the response failed; the cron will retry`,
      redactedError(error),
    );
  }
}

/**
 * Runs a request's work with a collector, then schedules one delivery of what it queued.
 * Nested scopes (an action called from a wrapped route) share the outermost one.
 */
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

/**
 * Runs `work` itself after the response (work whose timing must not show in the answer)
 * and delivers what it queued.
 */
export function runAfterResponse(label: string, work: () => Promise<unknown>): void {
  after(async () => {
    const ids = new Set<string>();
    try {
      await collectEnqueued(ids, work);
    } catch (error) {
      console.error(`[outbox] ${label} failed after the response`, redactedError(error));
    }
    await deliverNow([...ids], label);
  });
}

/**
 * Delivers due outbox messages after the response: those ids, or anything due without
 * them. For callers outside a request scope (the Stripe webhook, the billing cron).
 */
export function deliverOutboxAfterResponse(ids?: readonly string[]): void {
  after(() => deliverNow(ids, "delivery"));
}
