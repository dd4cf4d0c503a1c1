import "server-only";

import {
  effectivePlan,
  paidPlan,
  seatCountsSql,
  type BillingSnapshot,
} from "@/lib/billing/plans/entitlements";
import { inOrganization, inOrganizationSql, type ScopedDb } from "@/lib/db/tenant";
import type { Role, SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { buildChecklist, type Checklist } from "@/lib/onboarding/checklist";
import { describeAuditEntry } from "@/lib/audit-log/describe-entry";
import { usagePeriod } from "@/lib/usage/period";
import { periodCallsSql } from "@/lib/usage/thresholds";
import { joinedUser, userNames } from "@/lib/tenancy/user-names";
import { cappedCount } from "@/lib/projects/queries";
import { cappedCountSql } from "@/lib/projects/browse";
import { tenantSideIsMain } from "@/lib/db/tenant-databases/router";
import { Prisma } from "@/lib/generated/prisma/client";
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
  usage: { calls: number; includedCalls: number } | null;
  activity: ActivityEntry[];
  checklist: Checklist;
};

type Viewer = { organizationId: string; userId: string; role: Role };

type ActivityRow = {
  id: string;
  action: string;
  createdAt: Date;
  targetType: string | null;
  targetId: string | null;
  metadata: unknown;
  actor: { name: string | null; email: string } | null;
  targetUser: { name: string | null; email: string } | null;
};

// Where the log shares the main database with the users: the entries and the names in them in
// one statement. Row-level security applies to the joined users as it does to userNames.
async function activityWithNames(
  tx: ScopedDb,
  organizationId: string,
  actions: readonly string[] | null,
): Promise<ActivityRow[]> {
  const rows = await tx.$queryRaw<
    (Omit<ActivityRow, "actor" | "targetUser"> & {
      actorName: string | null;
      actorEmail: string | null;
      targetName: string | null;
      targetEmail: string | null;
    })[]
  >`
    SELECT a."id", a."action", a."createdAt", a."targetType", a."targetId", a."metadata",
           actor."name" AS "actorName", actor."email" AS "actorEmail",
           target."name" AS "targetName", target."email" AS "targetEmail"
    FROM (
      SELECT "id", "action", "createdAt", "targetType", "targetId", "metadata", "actorId"
      FROM "AuditLog"
      WHERE ${inOrganizationSql(organizationId)}
        ${actions ? Prisma.sql`AND "action" IN (${Prisma.join([...actions])})` : Prisma.empty}
      ORDER BY "createdAt" DESC, "id" DESC
      LIMIT ${RECENT_ACTIVITY_LIMIT}
    ) AS a
    LEFT JOIN "User" actor ON actor."id" = a."actorId"
    LEFT JOIN "User" target ON a."targetType" = 'user' AND target."id" = a."targetId"
    ORDER BY a."createdAt" DESC, a."id" DESC`;
  return rows.map(({ actorName, actorEmail, targetName, targetEmail, ...row }) => ({
    ...row,
    actor: joinedUser(actorName, actorEmail),
    targetUser: joinedUser(targetName, targetEmail),
  }));
}

// Tenant rows go through the routed `tx`; in a dedicated database names come from the main one.
async function activityRows(
  tx: ScopedDb,
  organizationId: string,
  actions: readonly string[] | null,
): Promise<ActivityRow[]> {
  if (await tenantSideIsMain(tx)) return activityWithNames(tx, organizationId, actions);
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
  return rows.map(({ actorId, ...row }) => ({
    ...row,
    actor: (actorId && users.get(actorId)) || null,
    targetUser: (row.targetType === "user" && row.targetId && users.get(row.targetId)) || null,
  }));
}

async function recentActivity(tx: ScopedDb, { organizationId, role }: Viewer) {
  const rows = await activityRows(tx, organizationId, visibleActivityActions(role));
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    sentence: describeAuditEntry(row),
  }));
}

type ControlPlaneFacts = {
  members: number;
  invitations: number;
  dismissedAt: Date | null;
  twoFactor: boolean;
  calls: bigint;
  /** Counted here when projects share the main database, else null (cappedCount reads them). */
  projects: number | null;
};

// One statement instead of five separate reads.
async function controlPlaneFacts(
  tx: ScopedDb,
  { organizationId, userId }: Viewer,
  now: Date,
): Promise<ControlPlaneFacts> {
  const projects = (await tenantSideIsMain(tx))
    ? cappedCountSql(organizationId)
    : Prisma.sql`NULL::int`;
  const [facts] = await tx.$queryRaw<ControlPlaneFacts[]>`
    SELECT
      ${seatCountsSql(organizationId, now)},
      (SELECT "onboardingDismissedAt" FROM "Organization" WHERE "id" = ${organizationId})
        AS "dismissedAt",
      COALESCE((SELECT "twoFactorEnabledAt" IS NOT NULL FROM "User" WHERE "id" = ${userId}), false)
        AS "twoFactor",
      ${periodCallsSql(organizationId, usagePeriod(now))},
      ${projects} AS "projects"`;
  if (!facts) throw new Error("controlPlaneFacts: no row");
  return facts;
}

/** Reads only, in the request's one scoped transaction, beside the layout's billing snapshot. */
export async function readOrganizationHome(
  tx: ScopedDb,
  viewer: Viewer,
  snapshot: BillingSnapshot,
  now = new Date(),
): Promise<OrganizationHome> {
  const { organizationId, role } = viewer;
  const plan = effectivePlan(snapshot, now);
  const facts = await controlPlaneFacts(tx, viewer, now);
  const seats = { members: facts.members, invitations: facts.invitations };
  // Capped like the projects page: a large organization's home never counts every project.
  const projects = facts.projects ?? (await cappedCount(tx, organizationId));
  const metered = plan.apiUsage.overagePer1000 !== null;
  const calls = metered ? Number(facts.calls) : 0;
  const activity = await recentActivity(tx, viewer);

  const checklist = buildChecklist(
    {
      projects,
      members: seats.members,
      pendingInvitations: seats.invitations,
      hasPaidPlan: paidPlan(snapshot).id !== "free",
      twoFactorEnabled: facts.twoFactor,
    },
    { role, dismissedAt: facts.dismissedAt },
  );
  return {
    projects,
    members: seats.members,
    pendingInvitations: seats.invitations,
    plan: {
      name: plan.name,
      status: snapshot.status,
      trialDaysLeft:
        snapshot.status === "TRIALING" ? trialDaysLeft(snapshot.trialEndsAt ?? null, now) : null,
    },
    seats: { used: seats.members + seats.invitations, included: plan.entitlements.seats },
    usage: metered ? { calls, includedCalls: plan.apiUsage.includedCalls } : null,
    activity,
    checklist,
  };
}
