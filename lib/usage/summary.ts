import "server-only";

import { inOrganization, withTenant, type TenantRead } from "@/lib/db/tenant";
import {
  billingSnapshot,
  effectivePlan,
  type BillingSnapshot,
} from "@/lib/billing/plans/entitlements";
import { overageUnits, usagePeriod, type UsagePeriod } from "./period";
import { periodCalls } from "./thresholds";

export type UsageSummary = {
  period: UsagePeriod;
  calls: number;
  includedCalls: number;
  overagePer1000: number | null;
  overageUnits: number;
  projectedOverage: number;
};

// Flushed counts only: calls of the last minute or two are still in Redis or memory.
export async function usageSummary(
  organizationId: string,
  {
    now = new Date(),
    read = (fn) => withTenant(organizationId, fn),
    snapshot,
  }: {
    now?: Date;
    read?: TenantRead;
    /** The request's billing snapshot, when the page has one: awaited before `read` queues. */
    snapshot?: Promise<BillingSnapshot>;
  } = {},
): Promise<UsageSummary> {
  const period = usagePeriod(now);
  const given = await snapshot;
  return read(async (tx) => {
    const plan = effectivePlan(given ?? (await billingSnapshot(tx, organizationId)));
    const calls = await periodCalls(tx, organizationId, period);
    const { includedCalls, overagePer1000 } = plan.apiUsage;
    const units = overagePer1000 === null ? 0 : overageUnits(calls, includedCalls);
    return {
      period,
      calls,
      includedCalls,
      overagePer1000,
      overageUnits: units,
      projectedOverage: units * (overagePer1000 ?? 0),
    };
  });
}

export function usageByKey(organizationId: string, now = new Date()): Promise<Map<string, number>> {
  const period = usagePeriod(now);
  return withTenant(organizationId, async (tx) => {
    const rows = await tx.usageCounter.groupBy({
      by: ["apiKeyId"],
      where: {
        ...inOrganization(organizationId),
        bucketStart: { gte: period.start, lt: period.end },
      },
      _sum: { count: true },
    });
    return new Map(rows.map((row) => [row.apiKeyId, row._sum.count ?? 0]));
  });
}
