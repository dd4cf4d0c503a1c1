import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { isPlanId, plans, type BillingInterval } from "./plans";

// Console revenue rules: a trial counts 0 until it converts; past due counts until canceled;
// yearly prices count one twelfth per month; complimentary plans count 0.

export const revenueStatuses: readonly SubscriptionStatus[] = ["ACTIVE", "PAST_DUE", "UNPAID"];

export type RevenueState = {
  status: SubscriptionStatus;
  plan: string;
  seats: number;
  interval: string | null;
  /** Per seat per interval; null falls back to the plan's list price. */
  unitAmount: number | null;
  complimentary: boolean;
};

function listPrice(plan: string, interval: BillingInterval): number {
  return isPlanId(plan) ? (plans[plan].prices?.[interval].amount ?? 0) : 0;
}

export function monthlyRecurringRevenue(state: RevenueState): number {
  if (state.complimentary || !revenueStatuses.includes(state.status)) return 0;
  const interval: BillingInterval = state.interval === "year" ? "year" : "month";
  const unit = state.unitAmount ?? listPrice(state.plan, interval);
  const perInterval = unit * Math.max(state.seats, 0);
  return interval === "year" ? Math.round(perInterval / 12) : perInterval;
}
