import "server-only";

import { ExpectedError } from "@/lib/errors";
import { inOrganization } from "@/lib/db/tenant";
import type { ScopedDb } from "@/lib/db/tenant";
import { recordStaffAudit } from "../audit";
import type { CompPlan } from "./comp-plans";
import { withOrganizationForStaff, type StaffWriter } from "./staff-write";

const DAY = 24 * 60 * 60 * 1000;

// The metrics read these two event types: a comp counts apart from revenue, never as MRR.
async function appendCompEvent(
  tx: ScopedDb,
  organizationId: string,
  type: "comp.granted" | "comp.ended",
  plan: string,
  data: Record<string, string | boolean>,
  now: Date,
) {
  const [subscription, seats] = await Promise.all([
    tx.subscription.findFirst({ where: inOrganization(organizationId), select: { id: true } }),
    tx.membership.count({ where: inOrganization(organizationId) }),
  ]);
  await tx.billingEvent.create({
    data: {
      organizationId,
      subscriptionId: subscription?.id ?? null,
      type,
      complimentary: true,
      plan,
      seats,
      unitAmount: 0,
      interval: null,
      data,
      occurredAt: now,
    },
  });
}

/** Grants Pro or Business without Stripe for `days` days; a new grant replaces a running one. */
export async function grantComp(
  ctx: StaffWriter,
  input: { organizationId: string; plan: CompPlan; days: number; reason: string },
  now = new Date(),
): Promise<{ endsAt: Date }> {
  const endsAt = new Date(now.getTime() + input.days * DAY);
  return withOrganizationForStaff(input.organizationId, async (tx, org) => {
    await tx.organization.update({
      where: { id: org.id },
      data: { compPlan: input.plan, compEndsAt: endsAt },
    });
    await appendCompEvent(
      tx,
      org.id,
      "comp.granted",
      input.plan,
      { endsAt: endsAt.toISOString() },
      now,
    );
    await recordStaffAudit(tx, ctx, {
      action: "staff.plan_comped",
      reason: input.reason,
      organizationId: org.id,
      targetType: "organization",
      targetId: org.id,
      metadata: { plan: input.plan, days: input.days, endsAt: endsAt.toISOString() },
    });
    return { endsAt };
  });
}

/** Ends a running comp now: the organization is back on what it pays for. */
export async function endComp(
  ctx: StaffWriter,
  input: { organizationId: string; reason: string },
  now = new Date(),
): Promise<{ plan: string }> {
  return withOrganizationForStaff(input.organizationId, async (tx, org) => {
    const current = await tx.organization.findUniqueOrThrow({
      where: { id: org.id },
      select: { compPlan: true, compEndsAt: true },
    });
    if (!current.compPlan || !current.compEndsAt || current.compEndsAt.getTime() <= now.getTime()) {
      throw new ExpectedError("This organization has no complimentary plan running.", 409);
    }
    await tx.organization.update({
      where: { id: org.id },
      data: { compPlan: null, compEndsAt: null },
    });
    await appendCompEvent(
      tx,
      org.id,
      "comp.ended",
      current.compPlan,
      { endsAt: current.compEndsAt.toISOString(), endedEarly: true },
      now,
    );
    await recordStaffAudit(tx, ctx, {
      action: "staff.comp_ended",
      reason: input.reason,
      organizationId: org.id,
      targetType: "organization",
      targetId: org.id,
      metadata: { plan: current.compPlan, wasEndingAt: current.compEndsAt.toISOString() },
    });
    return { plan: current.compPlan };
  });
}
