import "server-only";

import { billingIntervals, paidPlans, type BillingInterval } from "@/lib/billing/plans/plans";
import { billingEnabled } from "@/lib/billing/stripe/client";
import { priceIdFor } from "@/lib/billing/stripe/prices";

/**
 * Stripe price id → interval for the app's plans, from the cached lookup-key prices. Bounded: if
 * Stripe is slow or down the map is empty and every subscription counts as monthly.
 */
export async function priceIntervals(timeoutMs = 1500): Promise<Map<string, BillingInterval>> {
  if (!billingEnabled()) return new Map();
  const lookups = paidPlans.flatMap((plan) =>
    billingIntervals.map(
      async (interval) => [await priceIdFor(plan.id, interval), interval] as const,
    ),
  );
  const all = Promise.allSettled(lookups).then(
    (results) =>
      new Map(results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []))),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Map<string, BillingInterval>>((resolve) => {
    timer = setTimeout(() => resolve(new Map()), timeoutMs);
  });
  try {
    return await Promise.race([all, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
