import "server-only";

import { withTenant } from "@/lib/db/tenant";
import { listMemberships } from "@/lib/tenancy/membership";
import { can } from "@/lib/tenancy/permissions";
import { billingSnapshot, effectivePlan } from "./entitlements";
import type { PlanId } from "./plans";

export type OwnedOrganizationPlan = { slug: string; name: string; plan: PlanId };

// Each read inside its own organization, through the user's membership.
export async function plansOfOrganizationsManagedBy(
  userId: string,
): Promise<OwnedOrganizationPlan[]> {
  const memberships = (await listMemberships(userId)).filter((m) => can(m.role, "billing:manage"));
  return Promise.all(
    memberships.map(async ({ organization }) => {
      const snapshot = await withTenant(organization.id, (tx) =>
        billingSnapshot(tx, organization.id),
      );
      const plan = effectivePlan(snapshot);
      return { slug: organization.slug, name: organization.name, plan: plan.id };
    }),
  );
}
