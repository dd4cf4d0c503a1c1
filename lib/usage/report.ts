import "server-only";

import { inOrganization, type ScopedDb } from "@/lib/db/tenant";
import type { Plan } from "@/lib/billing/plans/plans";
import { billingEnabled } from "@/lib/billing/stripe/client";
import { enqueueJob } from "@/lib/jobs/enqueue";

export type OverageReport = {
  organizationId: string;
  stripeCustomerId: string;
  eventName: string;
  value: number;
  timestamp: number;
  identifier: string;
};

// Billed on the plan in force at flush (a downgrade bills later calls at the new price); the
// identifier is the bucket's, so Stripe counts a retried report or flush once.
export async function queueOverageReport(
  tx: ScopedDb,
  input: {
    organizationId: string;
    plan: Plan;
    callsBefore: number;
    callsAfter: number;
    bucketStart: number;
    source: string;
  },
): Promise<void> {
  const { includedCalls, meterEventName } = input.plan.apiUsage;
  if (!meterEventName || !billingEnabled()) return;
  const value =
    Math.max(0, input.callsAfter - includedCalls) - Math.max(0, input.callsBefore - includedCalls);
  if (value <= 0) return;
  const subscription = await tx.subscription.findFirst({
    where: inOrganization(input.organizationId),
    select: { stripeCustomerId: true },
  });
  if (!subscription?.stripeCustomerId) return;
  const identifier = `keel-usage:${input.organizationId}:${input.bucketStart}:${input.source}`;
  const report: OverageReport = {
    organizationId: input.organizationId,
    stripeCustomerId: subscription.stripeCustomerId,
    eventName: meterEventName,
    value,
    timestamp: Math.floor(input.bucketStart / 1000),
    identifier,
  };
  await enqueueJob(tx, "usage-report", report, { dedupeKey: identifier });
}
