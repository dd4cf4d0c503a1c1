import "server-only";

import type { MemberContext } from "@/lib/tenancy/context";
import { ExpectedError, forbidden, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requireWritable } from "@/lib/billing/plans/entitlements";
import { queueSeatSync } from "@/lib/billing/stripe/seats";
import { withReplicaTenant } from "@/lib/db/replica-scope";
import {
  inOrganization,
  lockOrganization,
  withTenant,
  type ScopedDb,
  type TenantRead,
} from "@/lib/db/tenant";
import type { Role } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { organizationUrl } from "@/lib/tenancy/links";
import { canAssignRole, roleRank } from "@/lib/tenancy/permissions";

export type MemberView = {
  id: string;
  role: Role;
  createdAt: Date;
  user: { id: string; name: string | null; email: string };
};

export async function listMembers(
  organizationId: string,
  read: TenantRead = (fn) => withReplicaTenant(organizationId, fn),
): Promise<MemberView[]> {
  const members = await read((tx) =>
    tx.membership.findMany({
      where: inOrganization(organizationId),
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        role: true,
        createdAt: true,
        user: { select: { id: true, name: true, email: true } },
      },
    }),
  );
  return members.sort((a, b) => roleRank[b.role] - roleRank[a.role]);
}

async function memberById(tx: ScopedDb, organizationId: string, membershipId: string) {
  const member = await tx.membership.findFirst({
    where: { id: membershipId, ...inOrganization(organizationId) },
    select: { id: true, role: true, userId: true, user: { select: { email: true } } },
  });
  if (!member) throw notFound("That member");
  return member;
}

async function ownerCount(tx: ScopedDb, organizationId: string): Promise<number> {
  return tx.membership.count({ where: { ...inOrganization(organizationId), role: "OWNER" } });
}

// The lock serializes member changes (two owners demoting each other, the last two leaving);
// the caller's role is re-read after it, since such a change may have just taken it away.
async function lockMembers(tx: ScopedDb, ctx: MemberContext): Promise<Role> {
  const organizationId = ctx.organization.id;
  await lockOrganization(tx, organizationId);
  const caller = await tx.membership.findFirst({
    where: { userId: ctx.userId, ...inOrganization(organizationId) },
    select: { role: true },
  });
  if (!caller) throw notFound("That organization");
  return caller.role;
}

const lastOwner = () =>
  new ExpectedError(
    "An organization needs at least one owner. Make someone else an owner first.",
    409,
  );

function audit(
  tx: ScopedDb,
  ctx: MemberContext,
  action: "member.role_changed" | "member.removed" | "member.left",
  target: { userId: string; email: string },
  metadata: Record<string, string>,
) {
  return recordAudit(tx, {
    action,
    actorId: ctx.userId,
    organizationId: ctx.organization.id,
    targetType: "user",
    targetId: target.userId,
    ipAddress: ctx.client.ipAddress,
    userAgent: ctx.client.userAgent,
    metadata: { email: target.email, ...metadata },
  });
}

export async function changeRole(
  ctx: MemberContext,
  input: { membershipId: string; role: Role },
): Promise<{ membershipId: string; role: Role }> {
  const organizationId = ctx.organization.id;
  return withTenant(organizationId, async (tx) => {
    const role = await lockMembers(tx, ctx);
    await requireWritable(tx, organizationId);
    const target = await memberById(tx, organizationId, input.membershipId);
    if (
      !canAssignRole({ id: ctx.userId, role }, { id: target.userId, role: target.role }, input.role)
    ) {
      throw forbidden();
    }
    if (target.role === input.role) return { membershipId: target.id, role: target.role };
    if (target.role === "OWNER" && (await ownerCount(tx, organizationId)) <= 1) throw lastOwner();
    await tx.membership.updateMany({
      where: { id: target.id, ...inOrganization(organizationId) },
      data: { role: input.role },
    });
    await audit(
      tx,
      ctx,
      "member.role_changed",
      { userId: target.userId, email: target.user.email },
      {
        from: target.role,
        to: input.role,
      },
    );
    await enqueueEmail(tx, {
      to: target.user.email,
      template: "roleChanged",
      data: {
        organizationName: ctx.organization.name,
        changedBy: ctx.session.user.name?.trim() || ctx.session.user.email,
        from: target.role,
        to: input.role,
        organizationUrl: organizationUrl(ctx.organization.slug),
      },
    });
    return { membershipId: target.id, role: input.role };
  });
}

export async function removeMember(
  ctx: MemberContext,
  input: { membershipId: string },
): Promise<{ membershipId: string }> {
  const organizationId = ctx.organization.id;
  // Removing people stays possible while the organization is read-only: it is how a
  // team brings its seat count down.
  return withTenant(organizationId, async (tx) => {
    const role = await lockMembers(tx, ctx);
    const target = await memberById(tx, organizationId, input.membershipId);
    if (target.userId === ctx.userId) {
      throw new ExpectedError("To leave the organization, use “Leave organization”.", 409);
    }
    if (roleRank[target.role] > roleRank[role]) throw forbidden();
    if (target.role === "OWNER" && (await ownerCount(tx, organizationId)) <= 1) throw lastOwner();
    await tx.membership.deleteMany({ where: { id: target.id, ...inOrganization(organizationId) } });
    await queueSeatSync(tx, organizationId);
    await audit(
      tx,
      ctx,
      "member.removed",
      { userId: target.userId, email: target.user.email },
      {
        role: target.role,
      },
    );
    return { membershipId: target.id };
  });
}

export async function leaveOrganization(ctx: MemberContext): Promise<{ left: string }> {
  const organizationId = ctx.organization.id;
  return withTenant(organizationId, async (tx) => {
    const role = await lockMembers(tx, ctx);
    if (role === "OWNER" && (await ownerCount(tx, organizationId)) <= 1) {
      throw new ExpectedError(
        "You are the last owner. Transfer ownership or delete the organization instead.",
        409,
      );
    }
    await tx.membership.deleteMany({
      where: { userId: ctx.userId, ...inOrganization(organizationId) },
    });
    await queueSeatSync(tx, organizationId);
    await audit(
      tx,
      ctx,
      "member.left",
      { userId: ctx.userId, email: ctx.session.user.email },
      {
        role,
      },
    );
    return { left: ctx.organization.slug };
  });
}
