import "server-only";

import { complimentaryLabel } from "@/lib/billing/plans/comp";
import {
  complimentaryPlan,
  effectivePlan,
  flagStates,
  paidPlan,
  type BillingSnapshot,
  type FlagState,
} from "@/lib/billing/plans/entitlements";
import { db } from "@/lib/db";
import { withScope } from "@/lib/db/tenant";
import { EMAIL_KIND } from "@/lib/outbox/enqueue";

const TIMELINE_LIMIT = 100;

function snapshotOf(org: {
  compPlan: string | null;
  compEndsAt: Date | null;
  seatLimit: number | null;
  projectLimit: number | null;
  subscription: {
    plan: string;
    status: BillingSnapshot["status"];
    pastDueSince: Date | null;
  } | null;
  featureFlags: { flag: string; enabled: boolean; expiresAt: Date | null }[];
}): BillingSnapshot {
  return {
    plan: org.subscription?.plan ?? "free",
    status: org.subscription?.status ?? "FREE",
    pastDueSince: org.subscription?.pastDueSince ?? null,
    comp: org.compPlan && org.compEndsAt ? { plan: org.compPlan, endsAt: org.compEndsAt } : null,
    seatLimit: org.seatLimit,
    projectLimit: org.projectLimit,
    flagOverrides: org.featureFlags,
  };
}

/** Everything the console's organization page shows; null when there is no such organization. */
export async function organizationDetail(id: string, now = new Date()) {
  const found = await withScope({ platformRead: true }, async (tx) => {
    const org = await tx.organization.findUnique({
      where: { id },
      include: {
        subscription: true,
        featureFlags: { orderBy: { flag: "asc" } },
        memberships: {
          orderBy: { createdAt: "asc" },
          select: {
            role: true,
            createdAt: true,
            user: { select: { id: true, name: true, email: true } },
          },
        },
        _count: { select: { projects: true } },
      },
    });
    if (!org) return null;
    const billingEvents = await tx.billingEvent.findMany({
      where: { organizationId: id },
      orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
      take: TIMELINE_LIMIT,
    });
    return { org, billingEvents };
  });
  if (!found) return null;
  const { org, billingEvents } = found;
  // Projects in the organization's own database are counted there: the router follows the scope.
  const projects = org.tenantDatabaseId
    ? await withScope({ platformRead: true, organizationId: id }, (tx) =>
        tx.project.count({ where: { organizationId: id } }),
      )
    : org._count.projects;
  const emails = org.memberships.map((m) => m.user.email);
  // Not tenant tables: the webhook and the outbox write them outside any organization's scope.
  const [stripeEvents, stripeFailures, queuedEmails] = await Promise.all([
    db.stripeEvent.findMany({
      where: { organizationId: id },
      orderBy: { createdAt: "desc" },
      take: TIMELINE_LIMIT,
    }),
    db.stripeEventFailure.findMany({
      where: { organizationId: id },
      orderBy: { lastFailedAt: "desc" },
      take: TIMELINE_LIMIT,
    }),
    emails.length === 0
      ? []
      : db.outboxMessage.findMany({
          where: {
            kind: EMAIL_KIND,
            OR: emails.map((to) => ({ payload: { path: ["to"], equals: to } })),
          },
          orderBy: { createdAt: "desc" },
          take: TIMELINE_LIMIT,
          select: {
            id: true,
            status: true,
            payload: true,
            createdAt: true,
            sentAt: true,
            lastError: true,
          },
        }),
  ]);
  const snapshot = snapshotOf(org);
  const comp = complimentaryPlan(snapshot, now);
  const plan = effectivePlan(snapshot, now);
  return {
    organization: {
      id: org.id,
      name: org.name,
      slug: org.slug,
      createdAt: org.createdAt,
      suspendedAt: org.suspendedAt,
      suspendedReason: org.suspendedReason,
      seatLimit: org.seatLimit,
      projectLimit: org.projectLimit,
      compPlan: org.compPlan,
      compEndsAt: org.compEndsAt,
      projects,
    },
    plan,
    paidPlan: paidPlan(snapshot),
    complimentary: comp ? complimentaryLabel(comp) : null,
    subscription: org.subscription,
    members: org.memberships.map((m) => ({ ...m.user, role: m.role, joinedAt: m.createdAt })),
    billingEvents,
    stripeEvents: [
      ...stripeFailures.map((f) => ({
        id: f.id,
        type: f.type,
        at: f.lastFailedAt,
        outcome: f.resolvedAt ? "resolved" : f.discardedAt ? "discarded" : "failed",
        detail: `${f.attempts} attempt${f.attempts === 1 ? "" : "s"}: ${f.lastError}`,
      })),
      ...stripeEvents.map((e) => ({
        id: e.id,
        type: e.type,
        at: e.createdAt,
        outcome: e.outcome,
        detail: null as string | null,
      })),
    ].sort((a, b) => b.at.getTime() - a.at.getTime()),
    emails: queuedEmails.map((m) => {
      const payload = (m.payload ?? {}) as { template?: unknown; to?: unknown };
      return {
        id: m.id,
        status: m.status,
        template: typeof payload.template === "string" ? payload.template : "unknown",
        to: typeof payload.to === "string" ? payload.to : "",
        createdAt: m.createdAt,
        lastError: m.lastError,
      };
    }),
    flags: flagStates(snapshot, now) satisfies FlagState[],
  };
}

export type OrganizationDetail = NonNullable<Awaited<ReturnType<typeof organizationDetail>>>;

const organizationIdPattern = /^[a-z0-9]{1,64}$/i;

/** Whether an organization exists: its console page's layout answers 404 before any of it streams. */
export async function organizationExists(id: string): Promise<boolean> {
  if (!organizationIdPattern.test(id)) return false;
  const org = await withScope({ platformRead: true }, (tx) =>
    tx.organization.findUnique({ where: { id }, select: { id: true } }),
  );
  return org !== null;
}
