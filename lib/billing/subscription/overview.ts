import "server-only";

import { inOrganization, withTenant, type TenantRead } from "@/lib/db/tenant";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import type { CurrentMember } from "@/lib/tenancy/current-member";
import {
  billingSnapshot,
  type BillingSnapshot,
  complimentaryPlan,
  effectivePlan,
  paymentStatusOf,
  seatsInUse,
} from "../plans/entitlements";
import { memberBillingSnapshot } from "../plans/member-snapshot";
import { planOf, type BillingInterval, type Plan } from "../plans/plans";
import { priceIdFor } from "../stripe/prices";
import { billingEnabled, stripe } from "../stripe/client";
import { localSubscription } from "./subscription";
import { hasLiveSubscription } from "./state";
import { logger } from "@/lib/observability/logger";

// Only reads: a page render must not write (the Checkout return is manage/checkout-return.ts).
export type BillingOverview = {
  plan: Plan;
  subscribedPlan: Plan;
  /** A plan granted by staff without Stripe, while it is in effect. */
  complimentary: { plan: Plan; endsAt: Date } | null;
  status: SubscriptionStatus;
  hasSubscription: boolean;
  hasCustomer: boolean;
  trialEndsAt: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  billedSeats: number;
  stripePriceId: string | null;
  seats: { members: number; invitations: number; allowed: number };
  pastDue: boolean;
  readOnlyFrom: Date | null;
  readOnly: boolean;
  billingEnabled: boolean;
};

export async function billingOverview(
  organizationId: string,
  read: TenantRead = (fn) => withTenant(organizationId, fn),
  // The request's snapshot when a page already has one (memberBillingOverview). Awaited before
  // `read`, which runs its callbacks one after another: inside it, this would wait on itself.
  known?: Promise<BillingSnapshot>,
): Promise<BillingOverview> {
  const given = await known;
  return read(async (tx) => {
    const row = await tx.subscription.findFirst({ where: inOrganization(organizationId) });
    const snapshot = given ?? (await billingSnapshot(tx, organizationId));
    const plan = effectivePlan(snapshot);
    const used = await seatsInUse(tx, organizationId);
    const live = row !== null && hasLiveSubscription(row);
    const subscribed = planOf(snapshot.plan);
    return {
      plan,
      subscribedPlan: subscribed,
      complimentary: complimentaryPlan(snapshot),
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

export function memberBillingOverview(member: CurrentMember): Promise<BillingOverview> {
  return billingOverview(member.organization.id, member.read, memberBillingSnapshot(member));
}

// Every page of the organization reads it: one indexed read.
export async function paymentStatus(organizationId: string) {
  return paymentStatusOf(
    await withTenant(organizationId, (tx) => billingSnapshot(tx, organizationId)),
  );
}

// Asks Stripe (cached), so only the billing page calls it.
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

export async function recentInvoices(
  organizationId: string,
  { limit = 5, read }: { limit?: number; read?: TenantRead } = {},
): Promise<InvoiceSummary[] | null> {
  const row = read
    ? await read((tx) => tx.subscription.findFirst({ where: inOrganization(organizationId) }))
    : await localSubscription(organizationId);
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
