import "server-only";

import { inOrganization, withScope, withTenant } from "@/lib/db/tenant";
import { syncSeats } from "../stripe/seats";
import { stripe } from "../stripe/client";
import { terminalStatuses } from "./state";
import { processStripeEvent } from "../events/process";
import { logger } from "@/lib/observability/logger";

// The safety net under the webhooks: re-reads stale subscriptions and replays undelivered events
// (Stripe's 3-day retry window; idempotent by event id). One failure never stops the rest.

export type ReconcileOptions = {
  now?: Date;
  staleAfterMs?: number;
  limit?: number;
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
