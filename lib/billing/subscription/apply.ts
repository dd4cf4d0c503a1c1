import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { inOrganization, type ScopedDb } from "@/lib/db/tenant";
import { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/tenancy/permissions";
import { queueTrialTransitionEmails } from "../trial/transition-emails";
import { isOverdue, shouldApply, type SubscriptionState } from "./state";

export type ApplySource = {
  stripeEventId?: string;
  occurredAt: Date;
};

export type ApplyResult = { changed: boolean; applied: boolean };

// Idempotent: applying the same state twice changes and appends nothing.
export async function applySubscriptionState(
  tx: ScopedDb,
  organizationId: string,
  state: SubscriptionState,
  source: ApplySource,
): Promise<ApplyResult> {
  const local =
    (await tx.subscription.findFirst({ where: inOrganization(organizationId) })) ??
    (await tx.subscription.create({ data: { organizationId } }));
  if (!shouldApply(local, state)) return { changed: false, applied: false };

  // The grace period runs from the first overdue moment, however many failures follow.
  const pastDueSince = isOverdue(state.status) ? (local.pastDueSince ?? source.occurredAt) : null;
  // The price terms live on the event log only, where revenue metrics read them.
  const { interval, unitAmount, ...stored } = state;
  const next = { ...stored, pastDueSince };

  const changes: Record<string, { from: Prisma.JsonValue; to: Prisma.JsonValue }> = {};
  const compare = (key: string, from: unknown, to: unknown) => {
    const a = from instanceof Date ? from.toISOString() : (from ?? null);
    const b = to instanceof Date ? to.toISOString() : (to ?? null);
    if (a !== b) changes[key] = { from: a as Prisma.JsonValue, to: b as Prisma.JsonValue };
  };
  compare("subscription", local.stripeSubscriptionId, next.stripeSubscriptionId);
  compare("status", local.status, next.status);
  compare("plan", local.plan, next.plan);
  compare("seats", local.seats, next.seats);
  compare("cancelAtPeriodEnd", local.cancelAtPeriodEnd, next.cancelAtPeriodEnd);
  compare("currentPeriodEnd", local.currentPeriodEnd, next.currentPeriodEnd);
  compare("trialEndsAt", local.trialEndsAt, next.trialEndsAt);
  compare("stripePriceId", local.stripePriceId, next.stripePriceId);
  compare("pastDueSince", local.pastDueSince, next.pastDueSince);

  if (Object.keys(changes).length === 0) return { changed: false, applied: true };

  await tx.subscription.update({
    where: { id: local.id },
    data: { ...next, stripeUpdatedAt: source.occurredAt },
  });

  const type = changes.subscription
    ? "subscription.created"
    : changes.status
      ? next.status === "CANCELED"
        ? "subscription.canceled"
        : "subscription.status_changed"
      : changes.plan
        ? "subscription.plan_changed"
        : changes.seats
          ? "subscription.seats_changed"
          : changes.cancelAtPeriodEnd
            ? next.cancelAtPeriodEnd
              ? "subscription.cancel_scheduled"
              : "subscription.resumed"
            : "subscription.updated";
  await tx.billingEvent.create({
    data: {
      organizationId,
      subscriptionId: local.id,
      type,
      stripeEventId: source.stripeEventId ?? null,
      fromStatus: local.status,
      toStatus: next.status,
      plan: next.plan,
      seats: next.seats,
      interval,
      unitAmount,
      complimentary: false,
      data: changes,
      occurredAt: source.occurredAt,
    },
  });
  await recordAudit(tx, {
    action: "billing.subscription_updated",
    organizationId,
    targetType: "subscription",
    targetId: next.stripeSubscriptionId,
    metadata: { type, status: next.status, plan: next.plan, seats: next.seats },
  });
  await queueTrialTransitionEmails(tx, organizationId, local, next, () =>
    billingContacts(tx, organizationId),
  );
  return { changed: true, applied: true };
}

const billingRoles = Object.values(Role).filter((role) => can(role, "billing:manage"));

export async function billingContacts(tx: ScopedDb, organizationId: string) {
  const owners = await tx.membership.findMany({
    where: { ...inOrganization(organizationId), role: { in: billingRoles } },
    select: { user: { select: { id: true, email: true } } },
  });
  return owners.map((owner) => owner.user).filter((user) => Boolean(user.email));
}
