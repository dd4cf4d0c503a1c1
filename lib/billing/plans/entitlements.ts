import "server-only";

import { PlanLimitError, ReadOnlyError } from "@/lib/errors";
import {
  inOrganization,
  inOrganizationSql,
  lockOrganization,
  utcTimestampSql,
  type ScopedDb,
} from "@/lib/db/tenant";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { activeOverrides, flagNames, flags, type Flag, type FlagOverride } from "./flags";
import { planIds, planOf, type Feature, type Plan } from "./plans";
import { limitMessage, type PlanNeed } from "./upgrade";
import { isOverdue } from "../subscription/state";

// Enforced in the data layer, in the organization's transaction: a direct POST meets UI limits.

export type BillingSnapshot = {
  plan: string;
  status: SubscriptionStatus;
  pastDueSince: Date | null;
  /** When the Stripe trial ends; only meaningful while the status is TRIALING. */
  trialEndsAt?: Date | null;
  /** Granted by staff without Stripe; counts while `endsAt` is ahead and the plan is better. */
  comp?: { plan: string; endsAt: Date } | null;
  seatLimit?: number | null;
  projectLimit?: number | null;
  flagOverrides?: readonly FlagOverride[];
};

export const FREE_SNAPSHOT: BillingSnapshot = { plan: "free", status: "FREE", pastDueSince: null };

// Past due keeps the paid plan through the grace period.
const payingStatuses: readonly SubscriptionStatus[] = ["ACTIVE", "TRIALING", "PAST_DUE"];

const rank = (plan: Plan) => planIds.indexOf(plan.id);

export function paidPlan(snapshot: BillingSnapshot): Plan {
  return payingStatuses.includes(snapshot.status) ? planOf(snapshot.plan) : planOf("free");
}

export function complimentaryPlan(
  snapshot: BillingSnapshot,
  now = new Date(),
): { plan: Plan; endsAt: Date } | null {
  const comp = snapshot.comp;
  if (!comp || comp.endsAt.getTime() <= now.getTime()) return null;
  const plan = planOf(comp.plan);
  return rank(plan) > rank(paidPlan(snapshot)) ? { plan, endsAt: comp.endsAt } : null;
}

/** The better of the paid and complimentary plan, then staff-set limits and flag overrides. */
export function effectivePlan(snapshot: BillingSnapshot, now = new Date()): Plan {
  const base = complimentaryPlan(snapshot, now)?.plan ?? paidPlan(snapshot);
  const overrides = Object.fromEntries(activeOverrides(snapshot.flagOverrides ?? [], now));
  return {
    ...base,
    entitlements: {
      ...base.entitlements,
      seats: snapshot.seatLimit ?? base.entitlements.seats,
      projects: snapshot.projectLimit ?? base.entitlements.projects,
      ...overrides,
    },
  };
}

export type FlagState = {
  flag: Flag;
  label: string;
  description: string;
  planDefault: boolean;
  override: { enabled: boolean; expiresAt: Date | null } | null;
  enabled: boolean;
};

export function flagStates(snapshot: BillingSnapshot, now = new Date()): FlagState[] {
  const base = complimentaryPlan(snapshot, now)?.plan ?? paidPlan(snapshot);
  const effective = effectivePlan(snapshot, now);
  const live = new Map(
    (snapshot.flagOverrides ?? [])
      .filter((o) => !o.expiresAt || o.expiresAt.getTime() > now.getTime())
      .map((o) => [o.flag, o]),
  );
  return flagNames.map((flag) => {
    const override = live.get(flag);
    return {
      flag,
      label: flags[flag].label,
      description: flags[flag].description,
      planDefault: flags[flag].defaults[base.id],
      override: override ? { enabled: override.enabled, expiresAt: override.expiresAt } : null,
      enabled: effective.entitlements[flag],
    };
  });
}

export function readOnlyFrom(
  snapshot: BillingSnapshot,
  graceDays = env.BILLING_GRACE_DAYS,
): Date | null {
  if (!isOverdue(snapshot.status) || !snapshot.pastDueSince) return null;
  return new Date(snapshot.pastDueSince.getTime() + graceDays * 24 * 60 * 60 * 1000);
}

export function isReadOnly(snapshot: BillingSnapshot, now = new Date()): boolean {
  const from = readOnlyFrom(snapshot);
  return from !== null && from.getTime() <= now.getTime();
}

export function paymentStatusOf(snapshot: BillingSnapshot) {
  return {
    pastDue: isOverdue(snapshot.status),
    readOnlyFrom: readOnlyFrom(snapshot),
    readOnly: isReadOnly(snapshot),
  };
}

// As keel_billing_snapshot returns it (prisma/migrations/20261202060000_member_entry): timestamps
// carry their UTC offset, so they parse back to the same instant.
export type SnapshotJson = {
  compPlan: string | null;
  compEndsAt: string | null;
  seatLimit: number | null;
  projectLimit: number | null;
  plan: string | null;
  status: SubscriptionStatus | null;
  pastDueSince: string | null;
  trialEndsAt: string | null;
  flags: { flag: string; enabled: boolean; expiresAt: string | null }[];
};

// One statement, as every page and API call reads it; a page has it from entering the
// organization (lib/tenancy/membership.ts), which reads it with the same function.
export async function billingSnapshot(
  tx: ScopedDb,
  organizationId: string,
): Promise<BillingSnapshot> {
  const [row] = await tx.$queryRaw<{ snapshot: SnapshotJson | null }[]>`
    SELECT keel_billing_snapshot(${organizationId}) AS "snapshot"`;
  return snapshotFromJson(row?.snapshot ?? null);
}

const instant = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** No row (an organization this scope cannot see) reads as Free. */
export function snapshotFromJson(row: SnapshotJson | null): BillingSnapshot {
  if (!row) return FREE_SNAPSHOT;
  const subscription =
    row.plan !== null && row.status !== null
      ? {
          plan: row.plan,
          status: row.status,
          pastDueSince: instant(row.pastDueSince),
          trialEndsAt: instant(row.trialEndsAt),
        }
      : FREE_SNAPSHOT;
  const compEndsAt = instant(row.compEndsAt);
  return {
    ...subscription,
    comp: row.compPlan && compEndsAt ? { plan: row.compPlan, endsAt: compEndsAt } : null,
    seatLimit: row.seatLimit,
    projectLimit: row.projectLimit,
    flagOverrides: row.flags.map((flag) => ({
      flag: flag.flag,
      enabled: flag.enabled,
      expiresAt: instant(flag.expiresAt),
    })),
  };
}

/** The one check for a plan feature or a feature flag (they are the same thing). */
export async function requireEntitlement(
  tx: ScopedDb,
  organizationId: string,
  feature: Feature,
): Promise<void> {
  const plan = effectivePlan(await billingSnapshot(tx, organizationId));
  if (!plan.entitlements[feature]) throw planLimit(plan, { kind: "feature", feature });
}

function planLimit(plan: Plan, need: PlanNeed): PlanLimitError {
  const { message, upgradeTo } = limitMessage(plan, need);
  return new PlanLimitError(message, { upgradeTo: upgradeTo?.name ?? null });
}

// Reads go on, and so does everything billing needs to recover (billing page, Checkout, portal).
export async function requireWritable(tx: ScopedDb, organizationId: string): Promise<void> {
  refuseIfReadOnly(await billingSnapshot(tx, organizationId));
}

function refuseIfReadOnly(snapshot: BillingSnapshot): void {
  if (isReadOnly(snapshot)) {
    throw new ReadOnlyError(
      "This organization is read-only until its overdue invoice is paid. An owner can pay it on the billing page.",
    );
  }
}

// Call it first in the project's transaction: it holds the organization's lock until the commit.
export async function requireProjectCapacity(tx: ScopedDb, organizationId: string): Promise<void> {
  await lockOrganization(tx, organizationId);
  const snapshot = await billingSnapshot(tx, organizationId);
  refuseIfReadOnly(snapshot);
  const plan = effectivePlan(snapshot);
  const limit = plan.entitlements.projects;
  if (limit === null) return;
  const count = await tx.project.count({ where: inOrganization(organizationId) });
  if (count >= limit) throw planLimit(plan, { kind: "projects" });
}

// Pending invitations take a seat too; columns a larger statement can embed (org-home).
export function seatCountsSql(organizationId: string, now: Date): Prisma.Sql {
  const scope = inOrganizationSql(organizationId);
  return Prisma.sql`
    (SELECT count(*)::int FROM "Membership" WHERE ${scope}) AS "members",
    (SELECT count(*)::int FROM "Invitation"
      WHERE ${scope} AND "acceptedAt" IS NULL AND "revokedAt" IS NULL
        AND "expiresAt" > ${utcTimestampSql(now)}) AS "invitations"`;
}

export async function seatsInUse(tx: ScopedDb, organizationId: string, now = new Date()) {
  const [row] = await tx.$queryRaw<{ members: number; invitations: number }[]>`
    SELECT ${seatCountsSql(organizationId, now)}`;
  const members = row?.members ?? 0;
  const invitations = row?.invitations ?? 0;
  return { members, invitations, total: members + invitations };
}

// An invitation takes its seat when sent, so accepting it only needs room among members.
export async function requireSeatCapacity(
  tx: ScopedDb,
  organizationId: string,
  { adding = 1, countInvitations = true }: { adding?: number; countInvitations?: boolean } = {},
): Promise<void> {
  // Until the transaction ends: concurrent invitations and acceptances count one after the other.
  await lockOrganization(tx, organizationId);
  const snapshot = await billingSnapshot(tx, organizationId);
  refuseIfReadOnly(snapshot);
  const plan = effectivePlan(snapshot);
  const used = await seatsInUse(tx, organizationId);
  const taken = countInvitations ? used.total : used.members;
  if (taken + adding > plan.entitlements.seats) throw planLimit(plan, { kind: "seats" });
}
