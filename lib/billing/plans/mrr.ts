import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { isPlanId, plans, type BillingInterval } from "./plans";

// The revenue rules every number in the operator console uses (docs/operator-console/metrics.md):
// a trial counts 0 until it converts; past due keeps counting until canceled; per-seat quantity
// multiplies the price; yearly prices count one twelfth per month; complimentary plans count 0.

export const revenueStatuses: readonly SubscriptionStatus[] = ["ACTIVE", "PAST_DUE", "UNPAID"];

export type RevenueState = {
  status: SubscriptionStatus;
  plan: string;
  seats: number;
  /** The price's interval; null for free and complimentary plans. */
  interval: string | null;
  /** Per seat per interval, smallest currency unit; null falls back to the plan's list price. */
  unitAmount: number | null;
  complimentary: boolean;
};

function listPrice(plan: string, interval: BillingInterval): number {
  return isPlanId(plan) ? (plans[plan].prices?.[interval].amount ?? 0) : 0;
}

/** Monthly recurring revenue of one subscription state, in whole cents. */
export function monthlyRecurringRevenue(state: RevenueState): number {
  if (state.complimentary || !revenueStatuses.includes(state.status)) return 0;
  const interval: BillingInterval = state.interval === "year" ? "year" : "month";
  const unit = state.unitAmount ?? listPrice(state.plan, interval);
  const perInterval = unit * Math.max(state.seats, 0);
  return interval === "year" ? Math.round(perInterval / 12) : perInterval;
}
