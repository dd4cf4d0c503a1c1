import "server-only";

import {
  billingSnapshot,
  effectivePlan,
  paidPlan,
  seatsInUse,
} from "@/lib/billing/plans/entitlements";
import { inOrganization, type ScopedDb } from "@/lib/db/tenant";
import type { Role, SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { buildChecklist, type Checklist } from "@/lib/onboarding/checklist";
import { describeAuditEntry } from "@/lib/audit-log/describe-entry";
import { usagePeriod } from "@/lib/usage/period";
import { periodCalls } from "@/lib/usage/thresholds";
import { userNames } from "@/lib/tenancy/user-names";
import { cappedCount } from "@/lib/projects/queries";
import { visibleActivityActions } from "./activity";
import { trialDaysLeft } from "./plan-status";

export const RECENT_ACTIVITY_LIMIT = 5;

export type ActivityEntry = { id: string; sentence: string; createdAt: Date };

export type OrganizationHome = {
  /** Up to PROJECT_COUNT_CAP + 1: more reads as "1,000+". */
  projects: number;
  members: number;
  pendingInvitations: number;
  plan: { name: string; status: SubscriptionStatus; trialDaysLeft: number | null };
  seats: { used: number; included: number };
  /** This month's flushed API calls, for plans that meter them; null otherwise. */
  usage: { calls: number; includedCalls: number } | null;
  activity: ActivityEntry[];
  checklist: Checklist;
};

type Viewer = { organizationId: string; userId: string; role: Role };

// Tenant rows (projects, audit entries) go through the routed `tx`, wherever they live.
async function recentActivity(tx: ScopedDb, { organizationId, role }: Viewer) {
  const actions = visibleActivityActions(role);
  const rows = await tx.auditLog.findMany({
    where: {
      ...inOrganization(organizationId),
      ...(actions ? { action: { in: [...actions] } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT_ACTIVITY_LIMIT,
    select: {
      id: true,
      action: true,
      createdAt: true,
      targetType: true,
      targetId: true,
      metadata: true,
      actorId: true,
    },
  });
  const users = await userNames(tx, [
    ...rows.map((row) => row.actorId),
    ...rows.map((row) => (row.targetType === "user" ? row.targetId : null)),
  ]);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    sentence: describeAuditEntry({
      ...row,
      actor: (row.actorId && users.get(row.actorId)) || null,
      targetUser: (row.targetType === "user" && row.targetId && users.get(row.targetId)) || null,
    }),
  }));
}

/**
 * Everything the organization's home page shows, read in the caller's scoped transaction (the
 * page passes its request's one transaction). Reads only.
 */
export async function readOrganizationHome(
  tx: ScopedDb,
  viewer: Viewer,
  now = new Date(),
): Promise<OrganizationHome> {
  const { organizationId, userId, role } = viewer;
  const snapshot = await billingSnapshot(tx, organizationId);
  const plan = effectivePlan(snapshot, now);
  const seats = await seatsInUse(tx, organizationId, now);
  // Capped like the projects page: a large organization's home never counts every project.
  const projects = await cappedCount(tx, organizationId);
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { onboardingDismissedAt: true, subscription: { select: { trialEndsAt: true } } },
  });
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { twoFactorEnabledAt: true },
  });
  const metered = plan.apiUsage.overagePer1000 !== null;
  const calls = metered ? await periodCalls(tx, organizationId, usagePeriod(now)) : 0;
  const activity = await recentActivity(tx, viewer);

  const checklist = buildChecklist(
    {
      projects,
      members: seats.members,
      pendingInvitations: seats.invitations,
      hasPaidPlan: paidPlan(snapshot).id !== "free",
      twoFactorEnabled: user.twoFactorEnabledAt !== null,
    },
    { role, dismissedAt: organization.onboardingDismissedAt },
  );
  return {
    projects,
    members: seats.members,
    pendingInvitations: seats.invitations,
    plan: {
      name: plan.name,
      status: snapshot.status,
      trialDaysLeft:
        snapshot.status === "TRIALING"
          ? trialDaysLeft(organization.subscription?.trialEndsAt ?? null, now)
          : null,
    },
    seats: { used: seats.total, included: plan.entitlements.seats },
    usage: metered ? { calls, includedCalls: plan.apiUsage.includedCalls } : null,
    activity,
    checklist,
  };
}
