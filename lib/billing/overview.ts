import "server-only";

import { inOrganization, withTenant } from "@/lib/db/tenant";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import {
  billingSnapshot,
  effectivePlan,
  FREE_SNAPSHOT,
  paymentStatusOf,
  seatsInUse,
} from "./entitlements";
import { planOf, type BillingInterval, type Plan } from "./plans";
import { priceIdFor } from "./prices";
import { billingEnabled, stripe } from "./stripe-client";
import { applyFromStripe, localSubscription } from "./subscription";
import { hasLiveSubscription, idOf } from "./subscription-state";
import { logger } from "@/lib/observability/logger";

/** What the billing page and the past-due banner show. Read inside the organization. */
export type BillingOverview = {
  /** The plan whose limits apply now (Free when canceled). */
  plan: Plan;
  /** The plan subscribed to, even while it is past due. */
  subscribedPlan: Plan;
  status: SubscriptionStatus;
  hasSubscription: boolean;
  hasCustomer: boolean;
  trialEndsAt: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  /** Seats paid for at Stripe (the subscription's quantity). */
  billedSeats: number;
  /** The Stripe price of a live subscription (see `subscriptionInterval`). */
  stripePriceId: string | null;
  seats: { members: number; invitations: number; allowed: number };
  pastDue: boolean;
  readOnlyFrom: Date | null;
  readOnly: boolean;
  billingEnabled: boolean;
};

export async function billingOverview(organizationId: string): Promise<BillingOverview> {
  return withTenant(organizationId, async (tx) => {
    const row = await tx.subscription.findFirst({ where: inOrganization(organizationId) });
    const snapshot = row ?? FREE_SNAPSHOT;
    const plan = effectivePlan(snapshot);
    const used = await seatsInUse(tx, organizationId);
    const live = row !== null && hasLiveSubscription(row);
    const subscribed = planOf(snapshot.plan);
    return {
      plan,
      subscribedPlan: subscribed,
      status: snapshot.status,
      hasSubscription: live,
      hasCustomer: Boolean(row?.stripeCustomerId),
      trialEndsAt: row?.trialEndsAt ?? null,
      currentPeriodEnd: row?.currentPeriodEnd ?? null,
      cancelAtPeriodEnd: row?.cancelAtPeriodEnd ?? false,
      billedSeats: row?.seats ?? 0,
      stripePriceId: live ? (row?.stripePriceId ?? null) : null,
      seats: {
        members: used.members,
        invitations: used.invitations,
        allowed: plan.entitlements.seats,
      },
      ...paymentStatusOf(snapshot),
      billingEnabled: billingEnabled(),
    };
  });
}

/**
 * Only what the past-due banner needs, for every page of the organization: one indexed
 * read of its subscription row.
 */
export async function paymentStatus(organizationId: string) {
  return paymentStatusOf(
    await withTenant(organizationId, (tx) => billingSnapshot(tx, organizationId)),
  );
}

/**
 * Monthly or yearly: which of the plan's prices the subscription is on. Asks Stripe for the
 * plan's price ids (cached), so only the billing page calls it; null when unknown.
 */
export async function subscriptionInterval(
  overview: Pick<BillingOverview, "subscribedPlan" | "stripePriceId">,
): Promise<BillingInterval | null> {
  const plan = overview.subscribedPlan;
  const priceId = overview.stripePriceId;
  if (!priceId || !plan.prices || !billingEnabled()) return null;
  try {
    if ((await priceIdFor(plan.id, "year")) === priceId) return "year";
    if ((await priceIdFor(plan.id, "month")) === priceId) return "month";
  } catch {
    // Stripe unreachable: the page shows the rest and the plan form defaults to monthly.
  }
  return null;
}

export type InvoiceSummary = {
  id: string;
  number: string | null;
  date: Date;
  amount: number;
  currency: string;
  status: string;
  url: string | null;
};

/** The newest invoices, or null when Stripe cannot be reached (the page says so). */
export async function recentInvoices(
  organizationId: string,
  limit = 5,
): Promise<InvoiceSummary[] | null> {
  const row = await localSubscription(organizationId);
  if (!row?.stripeCustomerId || !billingEnabled()) return [];
  try {
    const invoices = await stripe().invoices.list({ customer: row.stripeCustomerId, limit });
    return invoices.data.map((invoice) => ({
      id: invoice.id ?? "",
      number: invoice.number,
      date: new Date(invoice.created * 1000),
      amount: invoice.total,
      currency: invoice.currency,
      status: invoice.status ?? "draft",
      url: invoice.hosted_invoice_url ?? null,
    }));
  } catch (error) {
    logger.error({ err: error }, "[billing] invoices could not be listed");
    return null;
  }
}

/**
 * Back from Checkout: reads the session from Stripe and applies its subscription right
 * away, so the page shows the new plan even if the webhook is still on its way. Only a
 * session created for this organization (our metadata, our customer) counts.
 */
export async function applyReturningCheckout(
  organizationId: string,
  sessionId: string,
): Promise<void> {
  if (!billingEnabled() || !/^cs_[A-Za-z0-9_]+$/.test(sessionId)) return;
  try {
    const session = await stripe().checkout.sessions.retrieve(sessionId, {
      expand: ["subscription"],
    });
    const row = await localSubscription(organizationId);
    const customer = idOf(session.customer);
    if (session.metadata?.organizationId !== organizationId || customer !== row?.stripeCustomerId)
      return;
    const subscription = session.subscription;
    if (subscription && typeof subscription !== "string")
      await applyFromStripe(organizationId, subscription);
  } catch (error) {
    // The webhook brings the same state; the page just shows it a moment later.
    logger.error({ err: error }, "[billing] could not read the returning checkout session");
  }
}
