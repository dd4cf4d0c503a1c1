import type Stripe from "stripe";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import {
  billingIntervals,
  planForLookupKey,
  isPlanId,
  type BillingInterval,
  type PlanId,
} from "../plans/plans";

const statusMap: Record<string, SubscriptionStatus> = {
  trialing: "TRIALING",
  active: "ACTIVE",
  past_due: "PAST_DUE",
  canceled: "CANCELED",
  unpaid: "UNPAID",
  incomplete: "INCOMPLETE",
  incomplete_expired: "INCOMPLETE_EXPIRED",
  paused: "PAUSED",
};

// An unknown status is treated as not paying, never as paid.
export function toLocalStatus(status: Stripe.Subscription.Status): SubscriptionStatus {
  return statusMap[status] ?? "INCOMPLETE";
}

export type SubscriptionState = {
  stripeSubscriptionId: string;
  stripeCustomerId: string;
  status: SubscriptionStatus;
  plan: PlanId;
  stripePriceId: string | null;
  seats: number;
  trialEndsAt: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
} & PriceTerms;

// Kept on each BillingEvent, not the Subscription row, so any past month's revenue can be rebuilt.
export type PriceTerms = {
  interval: BillingInterval | null;
  /** Per seat per interval, smallest currency unit. */
  unitAmount: number | null;
};

const isInterval = (value: unknown): value is BillingInterval =>
  typeof value === "string" && (billingIntervals as readonly string[]).includes(value);

// The lookup key names the app's interval; a price without one falls back to Stripe's recurring.
export function priceTermsOf(price: Stripe.Price | undefined): PriceTerms {
  if (!price) return { interval: null, unitAmount: null };
  const recurring = price.recurring?.interval;
  return {
    interval:
      planForLookupKey(price.lookup_key)?.interval ?? (isInterval(recurring) ? recurring : null),
    unitAmount: price.unit_amount ?? null,
  };
}

const date = (seconds: number | null | undefined) =>
  typeof seconds === "number" ? new Date(seconds * 1000) : null;

export function idOf(value: string | { id: string }): string;
export function idOf(value: string | { id: string } | null | undefined): string | null;
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

// The per-seat item; the others are metered API-call prices, billed from usage.
export function seatItemOf(subscription: Stripe.Subscription): Stripe.SubscriptionItem | undefined {
  return subscription.items.data.find((item) => item.price.recurring?.usage_type !== "metered");
}

// A price the app does not know maps to Free rather than to a paid plan it cannot vouch for.
export function stateOf(subscription: Stripe.Subscription): SubscriptionState {
  const item = seatItemOf(subscription);
  const price = item?.price;
  const fromMetadata = price?.metadata?.plan ?? subscription.metadata?.plan;
  const plan =
    planForLookupKey(price?.lookup_key)?.plan.id ??
    (isPlanId(fromMetadata) ? fromMetadata : "free");
  const status = toLocalStatus(subscription.status);
  return {
    stripeSubscriptionId: subscription.id,
    stripeCustomerId: idOf(subscription.customer),
    status,
    plan: status === "CANCELED" || status === "INCOMPLETE_EXPIRED" ? "free" : plan,
    stripePriceId: price?.id ?? null,
    seats: item?.quantity ?? 1,
    trialEndsAt: date(subscription.trial_end),
    currentPeriodEnd: date(item?.current_period_end),
    cancelAtPeriodEnd: subscription.cancel_at_period_end || subscription.cancel_at !== null,
    ...priceTermsOf(price),
  };
}

export const terminalStatuses: readonly SubscriptionStatus[] = ["CANCELED", "INCOMPLETE_EXPIRED"];

export function isOverdue(status: SubscriptionStatus): boolean {
  return status === "PAST_DUE" || status === "UNPAID";
}

export function hasLiveSubscription(row: {
  stripeSubscriptionId: string | null;
  status: SubscriptionStatus;
}): boolean {
  return row.stripeSubscriptionId !== null && !terminalStatuses.includes(row.status);
}

export type LocalSubscription = {
  stripeSubscriptionId: string | null;
  status: SubscriptionStatus;
};

// Order independence: an ended subscription stays ended and never overwrites a newer one; a live
// one replaces an ended one (a new checkout after a cancellation).
export function shouldApply(local: LocalSubscription, incoming: SubscriptionState): boolean {
  if (local.stripeSubscriptionId === incoming.stripeSubscriptionId) {
    return !(
      terminalStatuses.includes(local.status) && !terminalStatuses.includes(incoming.status)
    );
  }
  if (terminalStatuses.includes(incoming.status)) {
    return local.stripeSubscriptionId === null;
  }
  return true;
}
