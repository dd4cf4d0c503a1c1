import "server-only";

import type Stripe from "stripe";
import { ExpectedError } from "@/lib/errors";
import { inOrganization, withTenant } from "@/lib/db/tenant";
import { applySubscriptionState } from "./apply";
import { hasLiveSubscription, stateOf } from "./state";

export async function localSubscription(organizationId: string) {
  return withTenant(organizationId, (tx) =>
    tx.subscription.findFirst({ where: inOrganization(organizationId) }),
  );
}

export async function liveSubscriptionId(organizationId: string): Promise<string | null> {
  const row = await localSubscription(organizationId);
  return row && hasLiveSubscription(row) ? row.stripeSubscriptionId : null;
}

export async function requireLiveSubscription(organizationId: string): Promise<string> {
  const id = await liveSubscriptionId(organizationId);
  if (!id) throw new ExpectedError("This organization has no paid subscription to change.", 409);
  return id;
}

// So the page shows the result at once; the webhook that follows finds nothing to change.
export async function applyFromStripe(
  organizationId: string,
  subscription: Stripe.Subscription,
): Promise<void> {
  await withTenant(organizationId, (tx) =>
    applySubscriptionState(tx, organizationId, stateOf(subscription), { occurredAt: new Date() }),
  );
}
