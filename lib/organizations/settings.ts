import "server-only";

import type { MemberContext } from "@/lib/tenancy/context";
import { ExpectedError, FieldError, forbidden, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requireWritable } from "@/lib/billing/plans/entitlements";
import { inOrganization, lockOrganization, withTenant } from "@/lib/db/tenant";
import { can } from "@/lib/tenancy/permissions";
import { cancelBillingForOrganization } from "./billing";
import { queueTenantDataPurge } from "./tenant-data";

const auditContext = (ctx: MemberContext) => ({
  actorId: ctx.userId,
  ipAddress: ctx.client.ipAddress,
  userAgent: ctx.client.userAgent,
});

// The slug is not editable: it is in every link and email already sent, and the dev cookie's scope.
export async function updateOrganization(
  ctx: MemberContext,
  input: { name: string },
): Promise<{ name: string }> {
  const organizationId = ctx.organization.id;
  return withTenant(organizationId, async (tx) => {
    await requireWritable(tx, organizationId);
    await tx.organization.update({ where: { id: organizationId }, data: { name: input.name } });
    await recordAudit(tx, {
      ...auditContext(ctx),
      action: "organization.updated",
      organizationId,
      targetType: "organization",
      targetId: organizationId,
      metadata: { from: ctx.organization.name, to: input.name },
    });
    return { name: input.name };
  });
}

// The audit entry has no organization, so it outlives the cascade.
export async function deleteOrganization(
  ctx: MemberContext,
  input: { confirmSlug: string },
): Promise<{ slug: string; name: string }> {
  const { id, slug, name } = ctx.organization;
  if (input.confirmSlug.toLowerCase() !== slug) {
    throw new FieldError("confirmSlug", `Type “${slug}” to confirm.`);
  }
  // Billing first: if the payment provider cannot cancel, nothing is deleted.
  await cancelBillingForOrganization(id);
  return withTenant(id, async (tx) => {
    await queueTenantDataPurge(tx, id);
    await tx.organization.delete({ where: { id } });
    await recordAudit(tx, {
      ...auditContext(ctx),
      action: "organization.deleted",
      organizationId: null,
      targetType: "organization",
      targetId: id,
      metadata: { slug, name },
    });
    return { slug, name };
  });
}

export async function transferOwnership(
  ctx: MemberContext,
  input: { membershipId: string },
): Promise<{ userId: string }> {
  const organizationId = ctx.organization.id;
  return withTenant(organizationId, async (tx) => {
    // One change of owners at a time, and only by someone who still owns it now.
    await lockOrganization(tx, organizationId);
    const caller = await tx.membership.findFirst({
      where: { userId: ctx.userId, ...inOrganization(organizationId) },
      select: { role: true },
    });
    if (!caller || !can(caller.role, "org:transfer")) throw forbidden();
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, ...inOrganization(organizationId) },
      select: { id: true, userId: true, role: true },
    });
    if (!target) throw notFound("That member");
    if (target.userId === ctx.userId) {
      throw new ExpectedError("You already own this organization.", 409);
    }
    await tx.membership.updateMany({
      where: { id: target.id, ...inOrganization(organizationId) },
      data: { role: "OWNER" },
    });
    await tx.membership.updateMany({
      where: { userId: ctx.userId, ...inOrganization(organizationId) },
      data: { role: "ADMIN" },
    });
    await recordAudit(tx, {
      ...auditContext(ctx),
      action: "organization.ownership_transferred",
      organizationId,
      targetType: "user",
      targetId: target.userId,
      metadata: { previousRole: target.role },
    });
    return { userId: target.userId };
  });
}
