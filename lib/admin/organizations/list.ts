import "server-only";

import { z } from "zod";
import { complimentaryLabel } from "@/lib/billing/plans/comp";
import {
  complimentaryPlan,
  effectivePlan,
  type BillingSnapshot,
} from "@/lib/billing/plans/entitlements";
import { monthlyRecurringRevenue } from "@/lib/billing/plans/mrr";
import { planIds } from "@/lib/billing/plans/plans";
import { withReplicaScope } from "@/lib/db/replica-scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { priceIntervals } from "./price-intervals";

export const ORGANIZATIONS_PER_PAGE = 25;

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const organizationStatusFilters = [
  ...Object.values(SubscriptionStatus),
  "COMPLIMENTARY",
  "SUSPENDED",
] as const;

export const organizationFilterSchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  plan: z.preprocess(emptyToUndefined, z.enum(planIds).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(organizationStatusFilters).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type OrganizationFilter = z.infer<typeof organizationFilterSchema>;

export type OrganizationRow = {
  id: string;
  name: string;
  slug: string;
  planName: string;
  status: SubscriptionStatus;
  members: number;
  billedSeats: number;
  mrr: number;
  ownerEmail: string | null;
  createdAt: Date;
  complimentary: string | null;
  suspended: boolean;
};

function whereOf(filter: OrganizationFilter, now: Date): Prisma.OrganizationWhereInput {
  const and: Prisma.OrganizationWhereInput[] = [];
  if (filter.q) {
    and.push({
      OR: [
        { id: filter.q },
        { name: { contains: filter.q, mode: "insensitive" } },
        { slug: { contains: filter.q.toLowerCase() } },
      ],
    });
  }
  if (filter.plan === "free") {
    and.push({ OR: [{ subscription: { is: null } }, { subscription: { is: { plan: "free" } } }] });
  } else if (filter.plan) {
    and.push({ subscription: { is: { plan: filter.plan } } });
  }
  if (filter.status === "SUSPENDED") and.push({ suspendedAt: { not: null } });
  else if (filter.status === "COMPLIMENTARY") and.push({ compEndsAt: { gt: now } });
  else if (filter.status === "FREE") {
    and.push({
      OR: [{ subscription: { is: null } }, { subscription: { is: { status: "FREE" } } }],
    });
  } else if (filter.status) and.push({ subscription: { is: { status: filter.status } } });
  return { AND: and };
}

/** The console's organization list: search by name, slug or id, filter by plan and status. */
export async function listOrganizations(
  filter: OrganizationFilter,
  now = new Date(),
): Promise<{ rows: OrganizationRow[]; total: number; page: number; pages: number }> {
  const where = whereOf(filter, now);
  const [found, total] = await withReplicaScope({ platformRead: true }, (tx) =>
    Promise.all([
      tx.organization.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        skip: (filter.page - 1) * ORGANIZATIONS_PER_PAGE,
        take: ORGANIZATIONS_PER_PAGE,
        select: {
          id: true,
          name: true,
          slug: true,
          createdAt: true,
          suspendedAt: true,
          compPlan: true,
          compEndsAt: true,
          subscription: {
            select: {
              plan: true,
              status: true,
              seats: true,
              pastDueSince: true,
              stripePriceId: true,
            },
          },
          memberships: {
            where: { role: "OWNER" },
            orderBy: { createdAt: "asc" },
            take: 1,
            select: { user: { select: { email: true } } },
          },
          _count: { select: { memberships: true } },
        },
      }),
      tx.organization.count({ where }),
    ]),
  );
  const intervals = found.some((org) => org.subscription?.stripePriceId)
    ? await priceIntervals()
    : new Map<string, string>();
  const rows = found.map((org): OrganizationRow => {
    const sub = org.subscription;
    const snapshot: BillingSnapshot = {
      plan: sub?.plan ?? "free",
      status: sub?.status ?? "FREE",
      pastDueSince: sub?.pastDueSince ?? null,
      comp: org.compPlan && org.compEndsAt ? { plan: org.compPlan, endsAt: org.compEndsAt } : null,
    };
    const comp = complimentaryPlan(snapshot, now);
    return {
      id: org.id,
      name: org.name,
      slug: org.slug,
      planName: effectivePlan(snapshot, now).name,
      status: snapshot.status,
      members: org._count.memberships,
      billedSeats: sub?.seats ?? 0,
      mrr: monthlyRecurringRevenue({
        status: snapshot.status,
        plan: snapshot.plan,
        seats: sub?.seats ?? 0,
        interval: (sub?.stripePriceId && intervals.get(sub.stripePriceId)) || "month",
        unitAmount: null,
        complimentary: false,
      }),
      ownerEmail: org.memberships[0]?.user.email ?? null,
      createdAt: org.createdAt,
      complimentary: comp ? complimentaryLabel(comp) : null,
      suspended: org.suspendedAt !== null,
    };
  });
  return {
    rows,
    total,
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / ORGANIZATIONS_PER_PAGE)),
  };
}
