import "server-only";

import type Stripe from "stripe";
import { inOrganization, withTenant, type ScopedDb } from "@/lib/db/tenant";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { stripe } from "./client";
import { applyFromStripe, liveSubscriptionId } from "../subscription/subscription";
import { hasLiveSubscription, seatItemOf, stateOf } from "../subscription/state";

// Runs as a job after the membership change commits; the reconciliation cron corrects any drift.
// Pass `fetched` when the caller has just read the subscription, so it is not read twice.
export async function syncSeats(
  organizationId: string,
  fetched?: Stripe.Subscription,
): Promise<"unchanged" | "updated" | "none"> {
  const subscriptionId = fetched?.id ?? (await liveSubscriptionId(organizationId));
  if (!subscriptionId) return "none";
  const subscription = fetched ?? (await stripe().subscriptions.retrieve(subscriptionId));
  if (!hasLiveSubscription(stateOf(subscription))) {
    // Ended at Stripe: nothing to bill, only the row to bring up to date.
    await applyFromStripe(organizationId, subscription);
    return "none";
  }
  const members = await withTenant(organizationId, (tx) =>
    tx.membership.count({ where: inOrganization(organizationId) }),
  );
  const item = seatItemOf(subscription);
  if (!item || (item.quantity ?? 1) === members) {
    await applyFromStripe(organizationId, subscription);
    return "unchanged";
  }
  const updated = await stripe().subscriptions.update(subscriptionId, {
    items: [{ id: item.id, quantity: Math.max(members, 1) }],
    proration_behavior: "create_prorations",
  });
  await applyFromStripe(organizationId, updated);
  return "updated";
}

// In the membership change's transaction: no Stripe call in the request, and no lost sync.
export async function queueSeatSync(tx: ScopedDb, organizationId: string): Promise<void> {
  const subscription = await tx.subscription.findFirst({
    where: inOrganization(organizationId),
    select: { stripeSubscriptionId: true },
  });
  if (!subscription?.stripeSubscriptionId) return;
  await enqueueJob(tx, "seat-sync", { organizationId });
}
