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
import { redeemableCode } from "./promotion-code";

export type PlanChangeInput = { plan: PlanId; interval: BillingInterval; promotionCode?: string };

export type PlanChangePreview = {
  plan: PlanId;
  interval: BillingInterval;
  currency: string;
  lines: { description: string; amount: number }[];
  amountDue: number;
  subtotal: number;
  /** The prorated charges and credits for the rest of the current period (in amountDue). */
  prorations: number;
  /** Charged when the change is confirmed: nothing unless the change is invoiced at once. */
  dueToday: number;
  /** When amountDue is charged: at the end of the trial, on the next billing date, or now. */
  due: { on: "trial_end" | "renewal"; date: string } | { on: "now" };
  promotion: { code: string; summary: string; amountOff: number } | null;
};

async function planChange(organizationId: string, input: PlanChangeInput) {
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
  const promotion = input.promotionCode
    ? await redeemableCode(input.promotionCode, {
        currency: subscription.currency,
        productId: async () => {
          const product = (await stripe().prices.retrieve(price)).product;
          return typeof product === "string" ? product : product.id;
        },
        customerId: idOf(subscription.customer),
        firstPurchase: false,
      })
    : null;
  return { subscription, item, items, version, promotion };
}

// Stripe bills an interval change at once (a new cycle starts); other changes with
// create_prorations wait for the next invoice, and nothing is charged during a trial.
function dueOf(
  subscription: Stripe.Subscription,
  item: Stripe.SubscriptionItem,
  interval: BillingInterval,
): PlanChangePreview["due"] {
  if (subscription.status === "trialing" && subscription.trial_end) {
    return { on: "trial_end", date: new Date(subscription.trial_end * 1000).toISOString() };
  }
  if (item.price.recurring?.interval !== interval) return { on: "now" };
  return { on: "renewal", date: new Date(item.current_period_end * 1000).toISOString() };
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
  input: PlanChangeInput,
): Promise<PlanChangePreview> {
  const { subscription, item, items, promotion } = await planChange(ctx.organization.id, input);
  const preview = await stripe().invoices.createPreview({
    customer: idOf(subscription.customer),
    subscription: subscription.id,
    subscription_details: {
      items,
      proration_behavior: "create_prorations",
    },
    ...(promotion ? { discounts: [{ promotion_code: promotion.id }] } : {}),
  });
  const due = dueOf(subscription, item, input.interval);
  const amountOff = (preview.total_discount_amounts ?? []).reduce((sum, d) => sum + d.amount, 0);
  return {
    plan: input.plan,
    interval: input.interval,
    currency: preview.currency,
    lines: preview.lines.data.map((line) => ({
      description: line.description ?? "",
      amount: line.amount,
    })),
    amountDue: preview.amount_due,
    subtotal: preview.subtotal,
    prorations: preview.lines.data
      .filter((line) => line.parent?.subscription_item_details?.proration)
      .reduce((sum, line) => sum + line.amount, 0),
    dueToday: due.on === "now" ? preview.amount_due : 0,
    due,
    promotion: promotion ? { code: promotion.code, summary: promotion.summary, amountOff } : null,
  };
}

export async function changePlan(
  ctx: MemberContext,
  input: PlanChangeInput,
): Promise<{ plan: PlanId }> {
  const { subscription, item, items, version, promotion } = await planChange(
    ctx.organization.id,
    input,
  );
  const params = {
    items,
    proration_behavior: "create_prorations",
    metadata: { organizationId: ctx.organization.id, plan: input.plan },
    ...(promotion ? { discounts: [{ promotion_code: promotion.id }] } : {}),
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
  if (promotion) {
    // Not "code": the audit log drops keys that name secrets (a promotion code is not one).
    await auditBillingChange(ctx, "billing.promotion_code_applied", {
      promotion: promotion.code,
      promotionId: promotion.id,
      plan: input.plan,
    });
  }
  return { plan: input.plan };
}
