import "server-only";

import type Stripe from "stripe";
import { inOrganization, withTenant } from "@/lib/db/tenant";
import { stripe } from "./stripe-client";
import { applyFromStripe, liveSubscriptionId } from "./subscription";
import { hasLiveSubscription, stateOf } from "./subscription-state";
import { logger } from "@/lib/observability/logger";

/**
 * Keeps the subscription's quantity equal to the organization's member count, with
 * prorations, after someone joins or leaves.
 *
 * Called after the membership change has committed. If Stripe is unreachable the change
 * stands and the error is logged: the reconciliation job (/api/cron/billing) compares
 * quantities with member counts and corrects any drift on its next run.
 *
 * The subscription as Stripe has it is applied to the organization's row either way;
 * pass it as `fetched` when the caller has just read it (reconciliation), so it is not
 * read twice.
 */
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
  const item = subscription.items.data[0];
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

/** syncSeats for a membership change that already succeeded: never throws. */
export async function syncSeatsAfterChange(organizationId: string): Promise<void> {
  try {
    await syncSeats(organizationId);
  } catch (error) {
    logger.error(
      { err: error },
      `[billing] seat sync for ${organizationId} failed; the reconciliation job will retry`,
    );
  }
}
