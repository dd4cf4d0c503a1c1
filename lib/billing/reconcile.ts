import "server-only";

import { inOrganization, withScope, withTenant } from "@/lib/db/tenant";
import { syncSeats } from "./seats";
import { stripe } from "./stripe-client";
import { terminalStatuses } from "./subscription-state";
import { processStripeEvent } from "./events/process";
import { logger } from "@/lib/observability/logger";

/**
 * The safety net under the webhooks (/api/cron/billing, hourly): whatever a lost,
 * late or failed delivery left behind heals on the next run.
 *
 * 1. Subscriptions whose row has not heard from Stripe for `staleAfterMs` are re-read
 *    and applied, and their seat count re-checked against the member count.
 * 2. Events Stripe could not deliver (`delivery_success: false`, last 3 days, Stripe's
 *    own retry window) are processed again; processing is idempotent by event id, so
 *    one that did arrive meanwhile changes nothing.
 *
 * Each subscription and event is handled on its own: one failure is counted and logged,
 * and the rest go on.
 */

export type ReconcileOptions = {
  now?: Date;
  staleAfterMs?: number;
  /** Most subscriptions re-read per run, oldest first (keeps a run within its time limit). */
  limit?: number;
  /** Most undelivered events replayed per run; the next run takes the rest. */
  maxEvents?: number;
};

export type ReconcileResult = {
  subscriptionsChecked: number;
  seatsCorrected: number;
  eventsReplayed: number;
  failures: number;
};

const HOUR = 60 * 60 * 1000;

export async function reconcileBilling(options: ReconcileOptions = {}): Promise<ReconcileResult> {
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - (options.staleAfterMs ?? 6 * HOUR));
  const result: ReconcileResult = {
    subscriptionsChecked: 0,
    seatsCorrected: 0,
    eventsReplayed: 0,
    failures: 0,
  };

  const stale = await withScope({ billingSweep: true }, (tx) =>
    tx.subscription.findMany({
      where: {
        stripeSubscriptionId: { not: null },
        status: { notIn: [...terminalStatuses] },
        OR: [{ stripeUpdatedAt: null }, { stripeUpdatedAt: { lt: staleBefore } }],
      },
      orderBy: { stripeUpdatedAt: { sort: "asc", nulls: "first" } },
      take: options.limit ?? 100,
      select: { organizationId: true, stripeSubscriptionId: true },
    }),
  );
  for (const row of stale) {
    try {
      const subscription = await stripe().subscriptions.retrieve(row.stripeSubscriptionId!);
      // Applies what Stripe has, and corrects the seat count if members changed meanwhile.
      if ((await syncSeats(row.organizationId, subscription)) === "updated") {
        result.seatsCorrected += 1;
      }
      // Mark it heard from, even when nothing changed, so it is not re-read every run.
      await withTenant(row.organizationId, (tx) =>
        tx.subscription.updateMany({
          where: inOrganization(row.organizationId),
          data: { stripeUpdatedAt: now },
        }),
      );
      result.subscriptionsChecked += 1;
    } catch (error) {
      result.failures += 1;
      logger.error({ err: error }, `[billing] reconcile ${row.stripeSubscriptionId} failed`);
    }
  }

  const since = Math.floor((now.getTime() - 3 * 24 * HOUR) / 1000);
  const undelivered = stripe().events.list({
    delivery_success: false,
    created: { gte: since },
    limit: 100,
  });
  let seen = 0;
  for await (const event of undelivered) {
    if (++seen > (options.maxEvents ?? 200)) break;
    try {
      const outcome = await processStripeEvent(event);
      if (outcome.outcome === "applied") result.eventsReplayed += 1;
    } catch (error) {
      result.failures += 1;
      logger.error({ err: error }, `[billing] replay of ${event.id} failed`);
    }
  }
  return result;
}
