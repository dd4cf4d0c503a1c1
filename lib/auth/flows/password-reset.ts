import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { resetRateLimit } from "@/lib/rate-limit";
import { hashPassword } from "../password";
import { revokeOtherSessions } from "../session-store";
import { consumeToken, findUsableToken, issueToken, tokenLifetimesMinutes } from "../tokens";
import { confirmMailbox } from "./claim-unverified-account";
import type { RequestContext } from "./context";
import { accountLinks } from "./links";

// Callers run this after the response, so timing does not tell who has an account.
export async function sendPasswordReset(email: string, ctx: RequestContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, name: true, disabledAt: true },
    });
    if (!user || user.disabledAt) return;
    const { token } = await issueToken(tx, {
      purpose: "PASSWORD_RESET",
      email,
      userId: user.id,
      now: ctx.now,
    });
    await recordAudit(tx, {
      action: "auth.password_reset_requested",
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
    });
    await enqueueEmail(tx, {
      to: email,
      template: "passwordReset",
      data: {
        name: user.name,
        url: accountLinks.resetPassword(token),
        expiresInMinutes: tokenLifetimesMinutes.PASSWORD_RESET,
      },
    });
  });
}

export type ResetPasswordResult = { ok: true } | { ok: false };

export async function resetPassword(
  input: { token: string; password: string },
  ctx: RequestContext,
): Promise<ResetPasswordResult> {
  const now = ctx.now ?? new Date();
  // The link first: a made-up token costs a lookup, never an argon2 hash; it is used up below, so
  // two submissions cannot both win.
  if (!(await findUsableToken(db, "PASSWORD_RESET", input.token, now))) return { ok: false };
  const passwordHash = await hashPassword(input.password);
  const result = await db.$transaction(async (tx) => {
    const used = await consumeToken(tx, "PASSWORD_RESET", input.token, now);
    if (!used?.userId) return null;
    const user = await tx.user.findUnique({
      where: { id: used.userId },
      select: { id: true, email: true, name: true, disabledAt: true },
    });
    if (!user || user.email !== used.email || user.disabledAt) return null;
    // Claimed first, so a second factor or OAuth link set by an earlier holder cannot survive.
    await confirmMailbox(tx, { userId: user.id, via: "password-reset", now, ctx });
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: now },
    });
    // Other reset links die too, and so do second-factor challenges opened with the old password.
    await tx.authToken.updateMany({
      where: {
        userId: user.id,
        purpose: { in: ["PASSWORD_RESET", "TWO_FACTOR_CHALLENGE"] },
        usedAt: null,
      },
      data: { usedAt: now },
    });
    const revoked = await revokeOtherSessions(tx, user.id, null);
    await recordAudit(tx, {
      action: "auth.password_reset",
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      metadata: { sessionsEnded: revoked },
    });
    await enqueueEmail(tx, {
      to: user.email,
      template: "passwordChanged",
      data: {
        name: user.name,
        changedAt: now.toISOString(),
        ipAddress: ctx.ipAddress,
        resetUrl: accountLinks.forgotPassword(),
      },
    });
    return { email: user.email };
  });
  if (!result) return { ok: false };
  await resetRateLimit("signInAccount", result.email);
  return { ok: true };
}
