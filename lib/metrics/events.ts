import { monthlyRecurringRevenue, revenueStatuses } from "@/lib/billing/plans/mrr";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";

export type RevenueEvent = {
  organizationId: string;
  occurredAt: Date;
  type: string;
  toStatus: SubscriptionStatus | null;
  plan: string | null;
  seats: number | null;
  interval: string | null;
  unitAmount: number | null;
  complimentary: boolean;
  data?: unknown;
};

// Invoice rows (amounts paid or refunded) carry no status: they are never revenue state.
export function isStateEvent(event: RevenueEvent): boolean {
  return event.toStatus !== null && !event.complimentary;
}

export function isCompEvent(event: RevenueEvent): boolean {
  return event.complimentary;
}

export function mrrOf(event: RevenueEvent | undefined): number {
  if (!event || event.toStatus === null) return 0;
  return monthlyRecurringRevenue({
    status: event.toStatus,
    plan: event.plan ?? "free",
    seats: event.seats ?? 1,
    interval: event.interval,
    unitAmount: event.unitAmount,
    complimentary: false,
  });
}

export function countsAsRevenue(status: SubscriptionStatus | null): boolean {
  return status !== null && revenueStatuses.includes(status);
}

function compEndsAt(data: unknown): Date | null {
  if (typeof data !== "object" || data === null || !("endsAt" in data)) return null;
  const { endsAt } = data as { endsAt: unknown };
  if (typeof endsAt !== "string") return null;
  const date = new Date(endsAt);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A comp runs from comp.granted until the earlier of its endsAt and a comp.ended. */
export function compActiveAt(lastCompEvent: RevenueEvent | undefined, at: Date): boolean {
  if (!lastCompEvent || lastCompEvent.type !== "comp.granted") return false;
  const endsAt = compEndsAt(lastCompEvent.data);
  return endsAt === null || endsAt > at;
}
