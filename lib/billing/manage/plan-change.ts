import "server-only";

import type Stripe from "stripe";
import type { MemberContext } from "@/lib/tenancy/context";
import { ExpectedError } from "@/lib/errors";
import type { BillingInterval, PlanId } from "../plans/plans";
import { stripe } from "../stripe/client";
import { idempotencyKey } from "../stripe/idempotency";
import { meteredPriceIds, priceIdFor } from "../stripe/prices";
import { idOf, seatItemOf } from "../subscription/state";
import {
  applyFromStripe,
  localSubscription,
  requireLiveSubscription,
} from "../subscription/subscription";
import { auditBillingChange } from "./owner-audit";

export type PlanChangePreview = {
  plan: PlanId;
  interval: BillingInterval;
  amountDue: number;
  currency: string;
  lines: { description: string; amount: number }[];
};

async function planChange(
  organizationId: string,
  input: { plan: PlanId; interval: BillingInterval },
) {
  const subscriptionId = await requireLiveSubscription(organizationId);
  // When the local row last changed: a later change back and forth gets keys of its own.
  const version = (await localSubscription(organizationId))?.updatedAt.toISOString() ?? null;
  const subscription = await stripe().subscriptions.retrieve(subscriptionId);
  const item = seatItemOf(subscription);
  if (!item) throw new Error(`Subscription ${subscriptionId} has no items.`);
  const price = await priceIdFor(input.plan, input.interval);
  if (item.price.id === price) {
    throw new ExpectedError("The organization is already on that plan.", 409);
  }
  const items = [
    { id: item.id, price, quantity: item.quantity ?? 1 },
    ...(await meteredItemChanges(subscription, input.interval)),
  ];
  return { subscription, item, items, version };
}

// API-call prices are monthly and a subscription bills one interval: a yearly plan drops them,
// a monthly one gets those it lacks (a subscription from before they existed, or from yearly).
async function meteredItemChanges(
  subscription: Stripe.Subscription,
  interval: BillingInterval,
): Promise<Stripe.SubscriptionUpdateParams.Item[]> {
  const metered = subscription.items.data.filter(
    (item) => item.price.recurring?.usage_type === "metered",
  );
  if (interval === "year") return metered.map((item) => ({ id: item.id, deleted: true }));
  const present = new Set(metered.map((item) => item.price.id));
  return (await meteredPriceIds()).filter((id) => !present.has(id)).map((id) => ({ price: id }));
}

export async function previewPlanChange(
  ctx: MemberContext,
  input: { plan: PlanId; interval: BillingInterval },
): Promise<PlanChangePreview> {
  const { subscription, items } = await planChange(ctx.organization.id, input);
  const preview = await stripe().invoices.createPreview({
    customer: idOf(subscription.customer),
    subscription: subscription.id,
    subscription_details: {
      items,
      proration_behavior: "create_prorations",
    },
  });
  return {
    ...input,
    amountDue: preview.amount_due,
    currency: preview.currency,
    lines: preview.lines.data.map((line) => ({
      description: line.description ?? "",
      amount: line.amount,
    })),
  };
}

export async function changePlan(
  ctx: MemberContext,
  input: { plan: PlanId; interval: BillingInterval },
): Promise<{ plan: PlanId }> {
  const { subscription, item, items, version } = await planChange(ctx.organization.id, input);
  const params = {
    items,
    proration_behavior: "create_prorations",
    metadata: { organizationId: ctx.organization.id, plan: input.plan },
  } satisfies Stripe.SubscriptionUpdateParams;
  // The same change twice at once is made (and prorated) once.
  const updated = await stripe().subscriptions.update(subscription.id, params, {
    idempotencyKey: idempotencyKey("plan-change", subscription.id, item.price.id, params, version),
  });
  await applyFromStripe(ctx.organization.id, updated);
  await auditBillingChange(ctx, "billing.plan_changed", {
    plan: input.plan,
    interval: input.interval,
  });
  return { plan: input.plan };
}
