import "server-only";

import type Stripe from "stripe";
import type { MemberContext } from "@/lib/tenancy/context";
import { ExpectedError } from "@/lib/errors";
import { inOrganization, withTenant } from "@/lib/db/tenant";
import { currency, plans, type BillingInterval, type PlanId } from "../plans/plans";
import { stripe } from "../stripe/client";
import { ensureCustomer } from "../stripe/customer";
import { idempotencyKey } from "../stripe/idempotency";
import { meteredPriceIds, priceIdFor } from "../stripe/prices";
import { hasLiveSubscription } from "../subscription/state";
import { localSubscription } from "../subscription/subscription";
import { auditBillingChange, billingPage } from "./owner-audit";
import { redeemableCode } from "./promotion-code";

export async function startCheckout(
  ctx: MemberContext,
  input: { plan: PlanId; interval: BillingInterval; promotionCode?: string },
): Promise<{ url: string }> {
  const plan = plans[input.plan];
  if (!plan.prices) throw new ExpectedError("Choose a paid plan to upgrade to.", 422);
  const organizationId = ctx.organization.id;
  const current = await localSubscription(organizationId);
  if (current && hasLiveSubscription(current)) {
    throw new ExpectedError(
      "This organization already has a subscription. Change its plan instead.",
      409,
    );
  }
  const [customer, price, seats, metered] = await Promise.all([
    ensureCustomer(ctx.organization, ctx.session.user.email ?? undefined),
    priceIdFor(plan.id, input.interval),
    withTenant(organizationId, (tx) =>
      tx.membership.count({ where: inOrganization(organizationId) }),
    ),
    // API-call prices are monthly; Stripe bills one interval per subscription.
    input.interval === "month" ? meteredPriceIds() : Promise.resolve([]),
  ]);
  // A code typed on the billing page is checked here, so a bad one is a field error on the page
  // rather than at Stripe; without one, Checkout offers its own code field.
  const promotion = input.promotionCode
    ? await redeemableCode(input.promotionCode, {
        currency,
        productId: async () => {
          const product = (await stripe().prices.retrieve(price)).product;
          return typeof product === "string" ? product : product.id;
        },
        customerId: customer,
        firstPurchase: !current?.stripeSubscriptionId,
      })
    : null;
  // One trial per organization: a team that already had one goes straight to paying.
  const trialDays = current?.trialEndsAt ? 0 : plan.trialDays;
  // Ids written here on the server: the browser never says which organization a payment is for.
  const metadata = { organizationId, plan: plan.id };
  const params = {
    mode: "subscription",
    customer,
    client_reference_id: organizationId,
    metadata,
    line_items: [{ price, quantity: Math.max(seats, 1) }, ...metered.map((id) => ({ price: id }))],
    subscription_data: { metadata, ...(trialDays > 0 ? { trial_period_days: trialDays } : {}) },
    // Stripe takes one or the other.
    ...(promotion
      ? { discounts: [{ promotion_code: promotion.id }] }
      : { allow_promotion_codes: true }),
    success_url: billingPage(
      ctx.organization.slug,
      "/checkout-return?session_id={CHECKOUT_SESSION_ID}",
    ),
    cancel_url: billingPage(ctx.organization.slug, "?checkout=canceled"),
  } satisfies Stripe.Checkout.SessionCreateParams;
  // Concurrent checkouts pass the "already subscribed" check together; one key makes them one
  // session, so only one can be paid. The subscription the row last knew is part of the key.
  const session = await stripe().checkout.sessions.create(params, {
    idempotencyKey: idempotencyKey("checkout", params, current?.stripeSubscriptionId ?? null),
  });
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL.");
  await auditBillingChange(ctx, "billing.checkout_started", {
    plan: plan.id,
    interval: input.interval,
    // Not "code": the audit log drops keys that name secrets.
    ...(promotion ? { promotion: promotion.code } : {}),
  });
  return { url: session.url };
}
