import "server-only";

import { FieldError } from "@/lib/errors";
import { cancelBillingForOrganization } from "@/lib/organizations/billing";
import { recordStaffAudit } from "../audit";
import { withOrganizationForStaff, type StaffWriter } from "./staff-write";
import { db } from "@/lib/db";
import { queueTenantDataPurge } from "@/lib/organizations/tenant-data";

/**
 * The organization deletion members use, run by staff: the Stripe subscription is canceled first
 * (if Stripe cannot, nothing is deleted), then everything of the organization goes. The audit
 * entry has no organization, so it outlives the cascade.
 */
export async function deleteOrganizationAsStaff(
  ctx: StaffWriter,
  input: { organizationId: string; confirmSlug: string; reason: string },
): Promise<{ slug: string }> {
  const org = await db.organization.findUnique({
    where: { id: input.organizationId },
    select: { slug: true },
  });
  if (!org || input.confirmSlug.trim().toLowerCase() !== org.slug) {
    throw new FieldError("confirmSlug", `Type “${org?.slug ?? "the address"}” to confirm.`);
  }
  await cancelBillingForOrganization(input.organizationId);
  return withOrganizationForStaff(input.organizationId, async (tx, current) => {
    await queueTenantDataPurge(tx, current.id);
    await tx.organization.delete({ where: { id: current.id } });
    await recordStaffAudit(tx, ctx, {
      action: "staff.organization_deleted",
      reason: input.reason,
      organizationId: null,
      targetType: "organization",
      targetId: current.id,
      metadata: { slug: current.slug, name: current.name },
    });
    return { slug: current.slug };
  });
}
