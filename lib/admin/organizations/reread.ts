import "server-only";

import Stripe from "stripe";
import { stripe, withStripe } from "@/lib/billing/stripe/client";
import { applyFromStripe, localSubscription } from "@/lib/billing/subscription/subscription";
import { inOrganization } from "@/lib/db/tenant";
import { ExpectedError, notFound } from "@/lib/errors";
import { recordStaffAudit } from "../audit";
import { withOrganizationForStaff, type StaffWriter } from "./staff-write";

// A staff member waits on the page: one try, a few seconds, then a clear answer.
const STRIPE_WAIT = { timeout: 5_000, maxNetworkRetries: 0 } as const;

async function subscriptionAtStripe(row: {
  stripeSubscriptionId: string | null;
  stripeCustomerId: string | null;
}): Promise<Stripe.Subscription> {
  try {
    return await withStripe("re-read subscription", async () => {
      if (row.stripeSubscriptionId) {
        return stripe().subscriptions.retrieve(row.stripeSubscriptionId, {}, STRIPE_WAIT);
      }
      // The customer paid but the subscription id never reached us (a lost webhook).
      const list = await stripe().subscriptions.list(
        { customer: row.stripeCustomerId!, status: "all", limit: 1 },
        STRIPE_WAIT,
      );
      const newest = list.data[0];
      if (!newest) throw new ExpectedError("Stripe has no subscription for this customer.", 409);
      return newest;
    });
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      throw new ExpectedError(`Stripe does not know this subscription (${error.message}).`, 409);
    }
    throw error;
  }
}

const fieldsOf = (row: Awaited<ReturnType<typeof localSubscription>>) => ({
  status: row?.status ?? null,
  plan: row?.plan ?? null,
  seats: row?.seats ?? null,
  cancelAtPeriodEnd: row?.cancelAtPeriodEnd ?? null,
  currentPeriodEnd: row?.currentPeriodEnd?.toISOString() ?? null,
});

/**
 * The billing reconciliation for one organization: its subscription is read from Stripe and
 * applied like a webhook would (Stripe is the truth), whatever the local row says.
 */
export async function rereadFromStripe(
  ctx: StaffWriter,
  input: { organizationId: string; reason: string },
  now = new Date(),
): Promise<{ changed: string[] }> {
  const before = await localSubscription(input.organizationId);
  if (!before) throw notFound("That organization’s subscription");
  if (!before.stripeSubscriptionId && !before.stripeCustomerId) {
    throw new ExpectedError("This organization has never been to Stripe: nothing to re-read.", 409);
  }
  const subscription = await subscriptionAtStripe(before);
  await applyFromStripe(input.organizationId, subscription);
  return withOrganizationForStaff(input.organizationId, async (tx, org) => {
    await tx.subscription.updateMany({
      where: inOrganization(org.id),
      data: { stripeUpdatedAt: now },
    });
    const after = await tx.subscription.findFirst({ where: inOrganization(org.id) });
    const from = fieldsOf(before);
    const to = fieldsOf(after);
    const changed = (Object.keys(from) as (keyof typeof from)[]).filter((k) => from[k] !== to[k]);
    await recordStaffAudit(tx, ctx, {
      action: "staff.subscription_reread",
      reason: input.reason,
      organizationId: org.id,
      targetType: "organization",
      targetId: org.id,
      metadata: { subscription: subscription.id, changed, from, to },
    });
    return { changed };
  });
}
