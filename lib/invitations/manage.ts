import "server-only";

import type { MemberContext } from "@/lib/tenancy/context";
import { ExpectedError, FieldError, forbidden, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/actions";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { requireSeatCapacity, requireWritable } from "@/lib/billing/plans/entitlements";
import { withReplicaTenant } from "@/lib/db/replica-scope";
import {
  inOrganization,
  lockOrganization,
  withTenant,
  type ScopedDb,
  type TenantRead,
} from "@/lib/db/tenant";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { consumeRateLimit } from "@/lib/rate-limit";
import { INVITATION_LIFETIME_DAYS } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

export const invitationLink = (token: string) =>
  `${env.appUrl}/invitations/accept?token=${encodeURIComponent(token)}`;

export type PendingInvitation = {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
  invitedBy: { name: string | null; email: string } | null;
};

export async function listPendingInvitations(
  organizationId: string,
  read: TenantRead = (fn) => withReplicaTenant(organizationId, fn),
): Promise<PendingInvitation[]> {
  return read((tx) =>
    tx.invitation.findMany({
      where: { ...inOrganization(organizationId), acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        email: true,
        role: true,
        expiresAt: true,
        createdAt: true,
        invitedBy: { select: { name: true, email: true } },
      },
    }),
  );
}

// Only the token's hash is stored, and a new token kills older links. Past the per-address cap
// (across all organizations) nothing is sent and null comes back; callers answer the same either
// way, so one organization cannot learn that another invited the address.
async function sendInvitation(
  tx: ScopedDb,
  ctx: MemberContext,
  invitation: { id: string; email: string; role: Role },
  now: Date,
): Promise<string | null> {
  const cap = await consumeRateLimit("invitationRecipient", invitation.email);
  if (!cap.ok && cap.reason === "limited") return null;
  if (!cap.ok) {
    throw new ExpectedError("Invitations cannot be sent right now. Try again in a minute.", 503);
  }
  const token = generateToken();
  await tx.invitation.updateMany({
    where: { id: invitation.id, ...inOrganization(ctx.organization.id) },
    data: {
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_DAYS * DAY_MS),
    },
  });
  const inviter = ctx.session.user.name || ctx.session.user.email;
  return enqueueEmail(tx, {
    to: invitation.email,
    template: "invitation",
    data: {
      organizationName: ctx.organization.name,
      inviterName: inviter,
      role: invitation.role,
      url: invitationLink(token),
      expiresInDays: INVITATION_LIFETIME_DAYS,
    },
  });
}

function audit(
  tx: ScopedDb,
  ctx: MemberContext,
  action: AuditAction,
  invitation: { id: string; email: string; role: Role },
) {
  return recordAudit(tx, {
    action,
    actorId: ctx.userId,
    organizationId: ctx.organization.id,
    targetType: "invitation",
    targetId: invitation.id,
    ipAddress: ctx.client.ipAddress,
    userAgent: ctx.client.userAgent,
    metadata: { email: invitation.email, role: invitation.role },
  });
}

export async function inviteMember(
  ctx: MemberContext,
  input: { email: string; role: Role },
  now = new Date(),
): Promise<{ invitationId: string }> {
  if (input.role === "OWNER" && ctx.role !== "OWNER") throw forbidden();
  const organizationId = ctx.organization.id;
  return withTenant(organizationId, async (tx) => {
    // Taken first, so concurrent invitations of one address cannot both find none open.
    await lockOrganization(tx, organizationId);
    const existingMember = await tx.membership.findFirst({
      where: { ...inOrganization(organizationId), user: { email: input.email } },
      select: { id: true },
    });
    if (existingMember) throw new FieldError("email", "This person is already a member.", 409);
    // Re-inviting someone whose invitation is still open takes no new seat (but is a write).
    const open = await tx.invitation.findFirst({
      where: {
        ...inOrganization(organizationId),
        email: input.email,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
      },
      select: { id: true },
    });
    if (open) await requireWritable(tx, organizationId);
    else await requireSeatCapacity(tx, organizationId);
    const invitation = await tx.invitation.upsert({
      where: { organizationId_email: { organizationId, email: input.email } },
      create: {
        organizationId,
        email: input.email,
        role: input.role,
        // Replaced by sendInvitation in this same transaction; never a usable token.
        tokenHash: hashToken(generateToken()),
        expiresAt: now,
        invitedById: ctx.userId,
      },
      update: { role: input.role, invitedById: ctx.userId, acceptedAt: null, revokedAt: null },
      select: { id: true, email: true, role: true },
    });
    await sendInvitation(tx, ctx, invitation, now);
    await audit(tx, ctx, "member.invited", invitation);
    return { invitationId: invitation.id };
  });
}

async function openInvitation(tx: ScopedDb, organizationId: string, invitationId: string) {
  const invitation = await tx.invitation.findFirst({
    where: {
      id: invitationId,
      ...inOrganization(organizationId),
      acceptedAt: null,
      revokedAt: null,
    },
    select: { id: true, email: true, role: true },
  });
  if (!invitation) throw notFound("That invitation");
  return invitation;
}

export async function resendInvitation(
  ctx: MemberContext,
  invitationId: string,
  now = new Date(),
): Promise<{ invitationId: string }> {
  return withTenant(ctx.organization.id, async (tx) => {
    const invitation = await openInvitation(tx, ctx.organization.id, invitationId);
    if (invitation.role === "OWNER" && ctx.role !== "OWNER") throw forbidden();
    await sendInvitation(tx, ctx, invitation, now);
    await audit(tx, ctx, "member.invitation_resent", invitation);
    return { invitationId };
  });
}

export async function revokeInvitation(
  ctx: MemberContext,
  invitationId: string,
): Promise<{ invitationId: string }> {
  return withTenant(ctx.organization.id, async (tx) => {
    const invitation = await openInvitation(tx, ctx.organization.id, invitationId);
    if (invitation.role === "OWNER" && ctx.role !== "OWNER") throw forbidden();
    const { count } = await tx.invitation.updateMany({
      where: {
        id: invitation.id,
        ...inOrganization(ctx.organization.id),
        revokedAt: null,
        acceptedAt: null,
      },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new ExpectedError("That invitation was already used or withdrawn.", 409);
    await audit(tx, ctx, "member.invitation_revoked", invitation);
    return { invitationId };
  });
}

/**
 * Several invitations at once, all or nothing: an address that is already a member, or a batch
 * larger than the seats left, refuses the whole batch and nothing is written or sent. Each
 * address still counts against its own recipient cap, as a single invitation would.
 */
export async function inviteMembers(
  ctx: MemberContext,
  input: { emails: string[]; role: Role },
  now = new Date(),
): Promise<{ invitationIds: string[]; emails: string[] }> {
  if (input.role === "OWNER" && ctx.role !== "OWNER") throw forbidden();
  const organizationId = ctx.organization.id;
  return withTenant(organizationId, async (tx) => {
    await lockOrganization(tx, organizationId);
    const members = await tx.membership.findMany({
      where: { ...inOrganization(organizationId), user: { email: { in: input.emails } } },
      select: { user: { select: { email: true } } },
    });
    if (members.length > 0) {
      const list = members.map((m) => m.user.email).join(", ");
      throw new FieldError(
        "emails",
        `${list} ${members.length === 1 ? "is already a member" : "are already members"}. Nothing was sent.`,
        409,
      );
    }
    const open = await tx.invitation.findMany({
      where: {
        ...inOrganization(organizationId),
        email: { in: input.emails },
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
      },
      select: { email: true },
    });
    // Re-inviting an open invitation takes no new seat; every other address takes one.
    const adding = input.emails.length - open.length;
    if (adding > 0) await requireSeatCapacity(tx, organizationId, { adding });
    else await requireWritable(tx, organizationId);
    const invitationIds: string[] = [];
    for (const email of input.emails) {
      const invitation = await tx.invitation.upsert({
        where: { organizationId_email: { organizationId, email } },
        create: {
          organizationId,
          email,
          role: input.role,
          tokenHash: hashToken(generateToken()),
          expiresAt: now,
          invitedById: ctx.userId,
        },
        update: { role: input.role, invitedById: ctx.userId, acceptedAt: null, revokedAt: null },
        select: { id: true, email: true, role: true },
      });
      await sendInvitation(tx, ctx, invitation, now);
      await audit(tx, ctx, "member.invited", invitation);
      invitationIds.push(invitation.id);
    }
    return { invitationIds, emails: input.emails };
  });
}
