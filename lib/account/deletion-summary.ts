import "server-only";

import { planOf } from "@/lib/billing/plans/plans";
import { withScope, withTenant } from "@/lib/db/tenant";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";

export type OrganizationFate = {
  name: string;
  slug: string;
  projects: number;
  /** Plan name and status as the customer knows them, e.g. "Pro (trial)". */
  subscription: string;
};

// By deleteUserAccount's rules: an organization where they are the only member goes with the
// account; being the only owner beside other members blocks the deletion; the rest they leave.
export type AccountDeletionSummary = {
  deleted: OrganizationFate[];
  blocked: { name: string; slug: string }[];
  left: { name: string; slug: string }[];
};

const statusNames: Partial<Record<SubscriptionStatus, string>> = {
  TRIALING: "trial",
  ACTIVE: "active",
  PAST_DUE: "payment past due",
  UNPAID: "unpaid",
  INCOMPLETE: "payment incomplete",
  PAUSED: "paused",
};

function describeSubscription(subscription: { plan: string; status: SubscriptionStatus } | null) {
  const plan = planOf(subscription?.plan ?? "free");
  const status = subscription ? statusNames[subscription.status] : undefined;
  if (!status || plan.prices === null) return "Free plan";
  return `${plan.name} plan (${status}), canceled at once`;
}

export async function accountDeletionSummary(userId: string): Promise<AccountDeletionSummary> {
  const mine = await withScope({ userId }, (tx) =>
    tx.membership.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { organization: { select: { id: true, slug: true, name: true } } },
    }),
  );
  const summary: AccountDeletionSummary = { deleted: [], blocked: [], left: [] };
  for (const { organization } of mine) {
    // Read inside each organization: row-level security hides its rows from the user's scope.
    const facts = await withTenant(organization.id, async (tx) => ({
      members: await tx.membership.findMany({
        where: { organizationId: organization.id },
        select: { userId: true, role: true },
      }),
      projects: await tx.project.count({ where: { organizationId: organization.id } }),
      subscription: await tx.subscription.findUnique({
        where: { organizationId: organization.id },
        select: { plan: true, status: true },
      }),
    }));
    const { name, slug } = organization;
    const others = facts.members.filter((m) => m.userId !== userId);
    if (others.length === 0) {
      summary.deleted.push({
        name,
        slug,
        projects: facts.projects,
        subscription: describeSubscription(facts.subscription),
      });
    } else if (
      facts.members.some((m) => m.userId === userId && m.role === "OWNER") &&
      !others.some((m) => m.role === "OWNER")
    ) {
      summary.blocked.push({ name, slug });
    } else {
      summary.left.push({ name, slug });
    }
  }
  return summary;
}
