import "server-only";

import { ExpectedError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { ActiveSession } from "@/lib/auth/session-store";
import { hashToken } from "@/lib/auth/tokens";
import type { ClientInfo } from "@/lib/http/client-info";
import { requireSeatCapacity } from "@/lib/billing/plans/entitlements";
import { queueSeatSync } from "@/lib/billing/stripe/seats";
import { enterOrganization, lockOrganization, withScope, type ScopedDb } from "@/lib/db/tenant";
import type { Role } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { organizationUrl } from "@/lib/tenancy/links";

export type InvitationState = "valid" | "expired" | "revoked" | "accepted";

export type InvitationView = {
  id: string;
  email: string;
  role: Role;
  state: InvitationState;
  expiresAt: Date;
  organization: { id: string; slug: string; name: string };
  invitedBy: { name: string | null; email: string } | null;
};

const invitationFields = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  organization: { select: { id: true, slug: true, name: true } },
  invitedBy: { select: { name: true, email: true } },
} as const;

function stateOf(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "valid";
}

function view(
  row: {
    id: string;
    email: string;
    role: Role;
    expiresAt: Date;
    acceptedAt: Date | null;
    revokedAt: Date | null;
    organization: { id: string; slug: string; name: string };
    invitedBy: { name: string | null; email: string } | null;
  },
  now: Date,
): InvitationView {
  const { acceptedAt: _a, revokedAt: _r, ...rest } = row;
  return { ...rest, state: stateOf(row, now) };
}

// RLS shows the row only because the token's hash is in the scope: an id alone is not enough.
export async function findInvitationByToken(
  token: string,
  now = new Date(),
): Promise<InvitationView | null> {
  const invitationTokenHash = hashToken(token);
  const row = await withScope({ invitationTokenHash }, (tx) =>
    tx.invitation.findUnique({
      where: { tokenHash: invitationTokenHash },
      select: invitationFields,
    }),
  );
  return row ? view(row, now) : null;
}

export async function listInvitationsForUser(
  session: ActiveSession,
  now = new Date(),
): Promise<InvitationView[]> {
  if (!session.user.emailVerified) return [];
  const userEmail = session.user.email.toLowerCase();
  const rows = await withScope({ userEmail }, (tx) =>
    tx.invitation.findMany({
      where: { email: userEmail, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: invitationFields,
    }),
  );
  return rows.map((row) => view(row, now));
}

export type AcceptedInvitation = {
  organization: { id: string; slug: string; name: string };
  role: Role;
};

// Each owner but the joiner (an invited owner who already belonged) hears of a new member.
async function tellOwners(
  tx: ScopedDb,
  organization: { id: string; slug: string; name: string },
  joiner: { id: string; name: string | null; email: string },
  role: Role,
): Promise<void> {
  const owners = await tx.membership.findMany({
    where: { organizationId: organization.id, role: "OWNER", userId: { not: joiner.id } },
    select: { user: { select: { email: true } } },
  });
  for (const owner of owners) {
    await enqueueEmail(tx, {
      to: owner.user.email,
      template: "memberJoined",
      data: {
        organizationName: organization.name,
        memberName: joiner.name?.trim() || joiner.email,
        memberEmail: joiner.email,
        role,
        membersUrl: organizationUrl(organization.slug, "/members"),
      },
    });
  }
}

// Only for the invited confirmed address, so a forwarded link lets no one else in. The conditional
// mark shares a transaction with the membership, so two concurrent accepts make one member.
async function accept(
  session: ActiveSession,
  scope: { invitationTokenHash?: string; userEmail?: string },
  where: { tokenHash: string } | { id: string },
  client: ClientInfo,
  now: Date,
): Promise<AcceptedInvitation> {
  if (!session.user.emailVerified) {
    throw new ExpectedError("Confirm your email address before joining an organization.", 403);
  }
  const email = session.user.email.toLowerCase();
  return withScope({ ...scope, userId: session.user.id }, async (tx) => {
    const row = await tx.invitation.findFirst({ where, select: invitationFields });
    if (!row) throw notFound("That invitation");
    const state = stateOf(row, now);
    if (state === "accepted")
      throw new ExpectedError("This invitation has already been used.", 409);
    if (state === "revoked") throw new ExpectedError("This invitation was withdrawn.", 409);
    if (state === "expired")
      throw new ExpectedError("This invitation has expired. Ask for a new one.", 409);
    if (row.email !== email) {
      throw new ExpectedError(
        `This invitation is for ${row.email}. Sign in with that address to accept it.`,
        403,
      );
    }
    await enterOrganization(tx, row.organization.id);
    // Locked before its rows, in the order invitations and seat checks use: no deadlock.
    await lockOrganization(tx, row.organization.id);
    const { count } = await tx.invitation.updateMany({
      where: { id: row.id, organizationId: row.organization.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: now },
    });
    if (count === 0) throw new ExpectedError("This invitation has already been used.", 409);
    const existing = await tx.membership.findFirst({
      where: { organizationId: row.organization.id, userId: session.user.id },
      select: { id: true },
    });
    if (!existing) {
      // The invitation held a seat; the plan may have shrunk since it was sent.
      await requireSeatCapacity(tx, row.organization.id, { countInvitations: false });
      await tx.membership.create({
        data: { organizationId: row.organization.id, userId: session.user.id, role: row.role },
      });
      await queueSeatSync(tx, row.organization.id);
      await tellOwners(tx, row.organization, session.user, row.role);
    }
    await recordAudit(tx, {
      action: "member.joined",
      actorId: session.user.id,
      organizationId: row.organization.id,
      targetType: "invitation",
      targetId: row.id,
      ipAddress: client.ipAddress,
      userAgent: client.userAgent,
      metadata: { role: row.role },
    });
    return { organization: row.organization, role: row.role };
  });
}

export async function acceptInvitationByToken(
  session: ActiveSession,
  token: string,
  client: ClientInfo,
  now = new Date(),
): Promise<AcceptedInvitation> {
  const invitationTokenHash = hashToken(token);
  return accept(session, { invitationTokenHash }, { tokenHash: invitationTokenHash }, client, now);
}

export async function acceptInvitationById(
  session: ActiveSession,
  invitationId: string,
  client: ClientInfo,
  now = new Date(),
): Promise<AcceptedInvitation> {
  const userEmail = session.user.email.toLowerCase();
  return accept(session, { userEmail }, { id: invitationId }, client, now);
}
