import "server-only";

import { recordAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "./context";

/** How the mailbox was proven: each of these shows who holds the inbox, nothing more. */
export type MailboxProof = "magic-link" | "oauth" | "verification-link" | "password-reset";

export type MailboxOutcome = "already-verified" | "verified" | "claimed";

/**
 * Marks the account's address as proven, in the caller's transaction, and decides what the
 * earlier holder of the account may keep.
 *
 * Anyone can sign up with someone else's address and a password, and sign in unverified.
 * When the mailbox is later proven, the person proving it is the address's owner, but the
 * password (and anything set with it) may be a stranger's. So, for a never-verified account
 * (emailVerified is null: every way to an account other than a password sign-up verifies on
 * creation, and nothing ever clears it), the proof CLAIMS the account: the password hash,
 * the second factor and its recovery codes, every linked OAuth account, every session and
 * every outstanding token are dropped, and the prover starts from a clean account (they set
 * a password through a reset).
 *
 * The one exception, `ownSignUp`, is the owner confirming their own sign-up: the
 * verification link followed in a browser that proves it also chose the password (it holds
 * the cookie the sign-up set, or a session the password opened). Only someone who both chose
 * the password and reads the mailbox gets that far, so there is nothing to take back.
 *
 * The user row is locked first, so two proofs at once claim once, and a sign-in that is
 * creating a session waits and then sees the dropped password (lib/auth/flows/sign-in.ts).
 */
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
  const [row] = await tx.$queryRaw<{ email: string; emailVerified: Date | null }[]>`
    SELECT "email", "emailVerified" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  if (!row || row.emailVerified) return "already-verified";

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
