import "server-only";

import { PlanLimitError, ReadOnlyError } from "@/lib/errors";
import { inOrganization, lockOrganization, type ScopedDb } from "@/lib/db/tenant";
import { env } from "@/lib/env";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { planOf, type Feature, type Plan } from "./plans";
import { isOverdue } from "../subscription/state";

// Enforced in the data layer, inside the organization's transaction, so a direct POST meets the
// same limits as the UI.

export type BillingSnapshot = {
  plan: string;
  status: SubscriptionStatus;
  pastDueSince: Date | null;
};

export const FREE_SNAPSHOT: BillingSnapshot = { plan: "free", status: "FREE", pastDueSince: null };

// Past due keeps the paid plan through the grace period.
const payingStatuses: readonly SubscriptionStatus[] = ["ACTIVE", "TRIALING", "PAST_DUE"];

export function effectivePlan(snapshot: BillingSnapshot): Plan {
  return payingStatuses.includes(snapshot.status) ? planOf(snapshot.plan) : planOf("free");
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

export async function billingSnapshot(tx: ScopedDb, organizationId: string) {
  const row = await tx.subscription.findFirst({
    where: inOrganization(organizationId),
    select: { plan: true, status: true, pastDueSince: true },
  });
  return row ?? FREE_SNAPSHOT;
}

const featureNames: Record<Feature, string> = {
  api: "The JSON API",
  auditExport: "Audit log export",
};

export async function requireEntitlement(
  tx: ScopedDb,
  organizationId: string,
  feature: Feature,
): Promise<void> {
  const plan = effectivePlan(await billingSnapshot(tx, organizationId));
  if (!plan.entitlements[feature]) {
    throw new PlanLimitError(
      `${featureNames[feature]} is not included in the ${plan.name} plan. Upgrade to use it.`,
    );
  }
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

// Call it first in the transaction that creates the project: it holds the organization's lock
// until the commit.
export async function requireProjectCapacity(tx: ScopedDb, organizationId: string): Promise<void> {
  await lockOrganization(tx, organizationId);
  const snapshot = await billingSnapshot(tx, organizationId);
  refuseIfReadOnly(snapshot);
  const plan = effectivePlan(snapshot);
  const limit = plan.entitlements.projects;
  if (limit === null) return;
  const count = await tx.project.count({ where: inOrganization(organizationId) });
  if (count >= limit) {
    throw new PlanLimitError(
      `The ${plan.name} plan includes up to ${limit} projects. Upgrade to create more.`,
    );
  }
}

// Pending invitations take a seat too.
export async function seatsInUse(tx: ScopedDb, organizationId: string, now = new Date()) {
  const [members, invitations] = await Promise.all([
    tx.membership.count({ where: inOrganization(organizationId) }),
    tx.invitation.count({
      where: {
        ...inOrganization(organizationId),
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
      },
    }),
  ]);
  return { members, invitations, total: members + invitations };
}

// An invitation takes its seat when sent, so accepting it (`countInvitations: false`) only needs
// room among members.
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
  if (taken + adding > plan.entitlements.seats) {
    throw new PlanLimitError(
      `The ${plan.name} plan includes up to ${plan.entitlements.seats} members, invitations included. Upgrade for more seats.`,
    );
  }
}
