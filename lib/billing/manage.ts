import "server-only";

import type Stripe from "stripe";
import type { MemberContext } from "@/lib/actions/chain";
import { ExpectedError } from "@/lib/errors";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import { inOrganization, withTenant } from "@/lib/db/tenant";
import { env } from "@/lib/env";
import { tenantUrl } from "@/lib/tenancy/host";
import { ensureCustomer } from "./customer";
import { idempotencyKey } from "./idempotency";
import { plans, type BillingInterval, type PlanId } from "./plans";
import { priceIdFor } from "./prices";
import { stripe } from "./stripe-client";
import { applyFromStripe, localSubscription, requireLiveSubscription } from "./subscription";
import { hasLiveSubscription, idOf } from "./subscription-state";

/**
 * What an owner does on the billing page: upgrade through Checkout, open the customer
 * portal, preview and confirm a plan change, cancel at period end and resume. Each is
 * called by an action with billing:manage; the organization comes from the membership.
 */

const billingPage = (slug: string, query = "") =>
  tenantUrl(slug, `/settings/billing${query}`, { appUrl: env.appUrl, rootDomain: env.rootDomain });

function audit(
  ctx: MemberContext,
  action: AuditAction,
  metadata: Record<string, string | boolean>,
) {
  return withTenant(ctx.organization.id, (tx) =>
    recordAudit(tx, {
      action,
      actorId: ctx.userId,
      organizationId: ctx.organization.id,
      targetType: "subscription",
      ipAddress: ctx.client.ipAddress,
      userAgent: ctx.client.userAgent,
      metadata,
    }),
  );
}

/** Starts Stripe Checkout for a paid plan; returns the URL to send the browser to. */
export async function startCheckout(
  ctx: MemberContext,
  input: { plan: PlanId; interval: BillingInterval },
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
  const [customer, price, seats] = await Promise.all([
    ensureCustomer(ctx.organization, ctx.session.user.email ?? undefined),
    priceIdFor(plan.id, input.interval),
    withTenant(organizationId, (tx) =>
      tx.membership.count({ where: inOrganization(organizationId) }),
    ),
  ]);
  // One trial per organization: a team that already had one goes straight to paying.
  const trialDays = current?.trialEndsAt ? 0 : plan.trialDays;
  // The organization is named only by ids written here, on the server; the browser
  // never gets to say which organization a payment belongs to.
  const metadata = { organizationId, plan: plan.id };
  const params = {
    mode: "subscription",
    customer,
    client_reference_id: organizationId,
    metadata,
    line_items: [{ price, quantity: Math.max(seats, 1) }],
    subscription_data: { metadata, ...(trialDays > 0 ? { trial_period_days: trialDays } : {}) },
    allow_promotion_codes: true,
    success_url: billingPage(
      ctx.organization.slug,
      "?checkout=success&session_id={CHECKOUT_SESSION_ID}",
    ),
    cancel_url: billingPage(ctx.organization.slug, "?checkout=canceled"),
  } satisfies Stripe.Checkout.SessionCreateParams;
  // Concurrent checkouts (two owners, a double click) pass the "already subscribed" check
  // together; one key makes them one Checkout session, so only one can be paid. The
  // subscription the row last knew is part of it: after that one ends, a new checkout is
  // a new session.
  const session = await stripe().checkout.sessions.create(params, {
    idempotencyKey: idempotencyKey("checkout", params, current?.stripeSubscriptionId ?? null),
  });
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL.");
  await audit(ctx, "billing.checkout_started", { plan: plan.id, interval: input.interval });
  return { url: session.url };
}

/** The Stripe customer portal (payment methods, invoices), back to the billing page. */
export async function openPortal(ctx: MemberContext): Promise<{ url: string }> {
  const current = await localSubscription(ctx.organization.id);
  if (!current?.stripeCustomerId) {
    throw new ExpectedError("Upgrade first: there is no billing account to manage yet.", 409);
  }
  const session = await stripe().billingPortal.sessions.create({
    customer: current.stripeCustomerId,
    return_url: billingPage(ctx.organization.slug),
  });
  return { url: session.url };
}

export type PlanChangePreview = {
  plan: PlanId;
  interval: BillingInterval;
  /** What the next invoice will charge now, prorations included (smallest unit). */
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
  const item = subscription.items.data[0];
  if (!item) throw new Error(`Subscription ${subscriptionId} has no items.`);
  const price = await priceIdFor(input.plan, input.interval);
  if (item.price.id === price) {
    throw new ExpectedError("The organization is already on that plan.", 409);
  }
  return { subscription, item, price, version };
}

/** What changing plan would cost now: Stripe's invoice preview with prorations. */
export async function previewPlanChange(
  ctx: MemberContext,
  input: { plan: PlanId; interval: BillingInterval },
): Promise<PlanChangePreview> {
  const { subscription, item, price } = await planChange(ctx.organization.id, input);
  const preview = await stripe().invoices.createPreview({
    customer: idOf(subscription.customer),
    subscription: subscription.id,
    subscription_details: {
      items: [{ id: item.id, price, quantity: item.quantity ?? 1 }],
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

/** Moves the subscription to another plan or interval, prorated. */
export async function changePlan(
  ctx: MemberContext,
  input: { plan: PlanId; interval: BillingInterval },
): Promise<{ plan: PlanId }> {
  const { subscription, item, price, version } = await planChange(ctx.organization.id, input);
  const params = {
    items: [{ id: item.id, price, quantity: item.quantity ?? 1 }],
    proration_behavior: "create_prorations",
    metadata: { organizationId: ctx.organization.id, plan: input.plan },
  } satisfies Stripe.SubscriptionUpdateParams;
  // The same change twice at once is made (and prorated) once.
  const updated = await stripe().subscriptions.update(subscription.id, params, {
    idempotencyKey: idempotencyKey("plan-change", subscription.id, item.price.id, params, version),
  });
  await applyFromStripe(ctx.organization.id, updated);
  await audit(ctx, "billing.plan_changed", { plan: input.plan, interval: input.interval });
  return { plan: input.plan };
}

/** Cancels at the end of the paid period (`resume: false`), or takes that back. */
export async function setCancelAtPeriodEnd(
  ctx: MemberContext,
  cancel: boolean,
): Promise<{ cancelAtPeriodEnd: boolean }> {
  const subscriptionId = await requireLiveSubscription(ctx.organization.id);
  const version = (await localSubscription(ctx.organization.id))?.updatedAt.toISOString() ?? null;
  const updated = await stripe().subscriptions.update(
    subscriptionId,
    { cancel_at_period_end: cancel },
    { idempotencyKey: idempotencyKey("cancel-at-period-end", subscriptionId, cancel, version) },
  );
  await applyFromStripe(ctx.organization.id, updated);
  await audit(ctx, cancel ? "billing.cancellation_scheduled" : "billing.cancellation_withdrawn", {
    subscription: subscriptionId,
  });
  return { cancelAtPeriodEnd: cancel };
}
