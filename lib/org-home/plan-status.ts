import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days left in a trial, rounded up so the last day reads "1 day", never "0 days". */
export function trialDaysLeft(trialEndsAt: Date | null, now: Date): number | null {
  if (!trialEndsAt) return null;
  const left = trialEndsAt.getTime() - now.getTime();
  return left <= 0 ? 0 : Math.ceil(left / DAY_MS);
}

const statusLabels: Record<SubscriptionStatus, string> = {
  FREE: "Free",
  TRIALING: "Trial",
  ACTIVE: "Active",
  PAST_DUE: "Past due",
  UNPAID: "Unpaid",
  CANCELED: "Canceled",
  INCOMPLETE: "Incomplete",
  INCOMPLETE_EXPIRED: "Expired",
  PAUSED: "Paused",
};

export function planStatusText(status: SubscriptionStatus, daysLeft: number | null): string {
  const label = statusLabels[status];
  if (status !== "TRIALING" || daysLeft === null) return label;
  if (daysLeft === 0) return "Trial ends today";
  return `Trial, ${daysLeft} ${daysLeft === 1 ? "day" : "days"} left`;
}
