import "server-only";

import { ExpectedError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { ActiveSession } from "@/lib/auth/session-store";
import { hashToken } from "@/lib/auth/tokens";
import type { ClientInfo } from "@/lib/http/client-info";
import { requireSeatCapacity } from "@/lib/billing/entitlements";
import { syncSeatsAfterChange } from "@/lib/billing/seats";
import { enterOrganization, lockOrganization, withScope } from "@/lib/db/tenant";
import type { Role } from "@/lib/generated/prisma/enums";

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

/**
 * The invitation a link's token opens, or null. Row-level security shows it only
 * because the token's hash is in the scope: knowing an invitation's id is not enough.
 */
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

/** Open invitations addressed to the signed-in user's confirmed address. */
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

/**
 * Makes the signed-in user a member with the invited role. The invitation must be open
 * and addressed to the user's confirmed address: a forwarded link does not let someone
 * else in. Marking it accepted and creating the membership are one transaction, and the
 * mark is conditional, so two concurrent accepts produce one membership.
 */
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
    // The token (or the confirmed address) identified the organization: now act in it.
    await enterOrganization(tx, row.organization.id);
    // The organization's lock before any of its rows, in the same order as invitations
    // and seat checks take them, so concurrent joins and invitations cannot deadlock.
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
  const accepted = await accept(
    session,
    { invitationTokenHash },
    { tokenHash: invitationTokenHash },
    client,
    now,
  );
  await syncSeatsAfterChange(accepted.organization.id);
  return accepted;
}

/** From the list of invitations on /organizations: found through the user's own address. */
export async function acceptInvitationById(
  session: ActiveSession,
  invitationId: string,
  client: ClientInfo,
  now = new Date(),
): Promise<AcceptedInvitation> {
  const userEmail = session.user.email.toLowerCase();
  const accepted = await accept(session, { userEmail }, { id: invitationId }, client, now);
  await syncSeatsAfterChange(accepted.organization.id);
  return accepted;
}
