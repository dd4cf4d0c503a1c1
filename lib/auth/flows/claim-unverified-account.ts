import "server-only";

import { recordAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "./context";
import { queueWelcomeEmail } from "./welcome";

export type MailboxProof = "magic-link" | "oauth" | "verification-link" | "password-reset";

export type MailboxOutcome = "already-verified" | "verified" | "claimed";

// Anyone can sign up with someone else's address and sign in unverified. Proving the mailbox later
// shows the owner, but the password and what was set with it may be a stranger's, so the proof
// CLAIMS a never-verified account (emailVerified null: every other way in verifies on creation):
// password, 2FA, recovery codes, OAuth links, sessions and tokens are dropped. Except `ownSignUp`:
// the link followed in the browser that chose the password. The user row is locked first, so two
// proofs claim once and a concurrent sign-in sees the dropped password.
export async function confirmMailbox(
  tx: Prisma.TransactionClient,
  input: {
    userId: string;
    via: MailboxProof;
    ownSignUp?: boolean;
    now: Date;
    ctx: Pick<RequestContext, "ipAddress" | "userAgent">;
  },
): Promise<MailboxOutcome> {
  const { userId, now } = input;
  const [row] = await tx.$queryRaw<
    { email: string; name: string | null; emailVerified: Date | null }[]
  >`
    SELECT "email", "name", "emailVerified" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  if (!row || row.emailVerified) return "already-verified";
  // Past the check above only once per account, under the row lock: the welcome goes out once.
  await queueWelcomeEmail(tx, { id: userId, email: row.email, name: row.name });

  if (input.ownSignUp) {
    await tx.user.update({ where: { id: userId }, data: { emailVerified: now } });
    await auditVerified(tx, input, { claimed: false });
    return "verified";
  }

  await tx.user.update({
    where: { id: userId },
    data: {
      emailVerified: now,
      passwordHash: null,
      // A credential change: sign-ins that checked the dropped password cannot finish.
      passwordChangedAt: now,
      twoFactorSecret: null,
      twoFactorEnabledAt: null,
      twoFactorLastStep: null,
      // Whoever signed up with this address chose the referral link, not the mailbox's owner.
      referredById: null,
    },
  });
  const recoveryCodes = await tx.recoveryCode.deleteMany({ where: { userId } });
  const accounts = await tx.account.deleteMany({ where: { userId } });
  const sessions = await tx.session.deleteMany({ where: { userId } });
  const tokens = await tx.authToken.updateMany({
    where: { usedAt: null, OR: [{ userId }, { email: row.email }] },
    data: { usedAt: now },
  });
  await auditVerified(tx, input, {
    claimed: true,
    sessionsEnded: sessions.count,
    oauthAccountsUnlinked: accounts.count,
    // Key names stay clear of the audit log's secret filter ("code", "token").
    recoveryFactorsDropped: recoveryCodes.count,
    linksRevoked: tokens.count,
  });
  return "claimed";
}

async function auditVerified(
  tx: Prisma.TransactionClient,
  input: Parameters<typeof confirmMailbox>[1],
  details: Record<string, number | boolean>,
) {
  await recordAudit(tx, {
    action: "auth.email_verified",
    actorId: input.userId,
    targetType: "user",
    targetId: input.userId,
    ipAddress: input.ctx.ipAddress,
    userAgent: input.ctx.userAgent,
    metadata: { via: input.via, ...details },
  });
}
