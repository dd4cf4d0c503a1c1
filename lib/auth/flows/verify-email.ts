import "server-only";

import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { consumeRateLimit } from "@/lib/rate-limit";
import type { RateLimitResult } from "@/lib/rate-limit";
import { createSession } from "../session-store";
import { consumeToken, hashToken, issueToken, tokenLifetimesMinutes } from "../tokens";
import { confirmMailbox } from "./claim-unverified-account";
import type { RequestContext } from "./context";
import { accountLinks } from "./links";
import { isSignUpBinding } from "./sign-up";

export type VerifyEmailResult =
  { ok: true; userId: string; sessionToken: string | null; expires: Date | null } | { ok: false };

// Either shows that this browser also chose the password (see confirmMailbox).
export type VerificationProof = { signUpBinding?: string; sessionToken?: string };

// Followed outside the browser that signed up, the link claims a never-verified account.
export async function confirmEmail(
  token: string,
  ctx: RequestContext,
  proof: VerificationProof = {},
): Promise<VerifyEmailResult> {
  const now = ctx.now ?? new Date();
  return db.$transaction(async (tx) => {
    const used = await consumeToken(tx, "EMAIL_VERIFICATION", token, now);
    if (!used?.userId) return { ok: false };
    const user = await tx.user.findUnique({
      where: { id: used.userId },
      select: { id: true, email: true, disabledAt: true },
    });
    if (!user || user.email !== used.email || user.disabledAt) return { ok: false };
    const ownSession = proof.sessionToken
      ? await tx.session.findFirst({
          where: {
            sessionToken: hashToken(proof.sessionToken),
            userId: user.id,
            expires: { gt: now },
          },
          select: { id: true },
        })
      : null;
    await confirmMailbox(tx, {
      userId: user.id,
      via: "verification-link",
      ownSignUp: isSignUpBinding(proof.signUpBinding, token) || ownSession !== null,
      now,
      ctx,
    });
    // Read after the confirmation: a claimed account has no second factor any more.
    const { twoFactorEnabledAt } = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { twoFactorEnabledAt: true },
    });
    if (twoFactorEnabledAt) return { ok: true, userId: user.id, sessionToken: null, expires: null };
    const session = await createSession(tx, {
      userId: user.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      now,
    });
    return { ok: true, userId: user.id, sessionToken: session.token, expires: session.expires };
  });
}

export type ResendVerificationResult =
  | { ok: true }
  | { ok: false; reason: "already-verified" }
  | { ok: false; reason: "limited"; limit: Extract<RateLimitResult, { ok: false }> };

export async function resendVerification(
  userId: string,
  ctx: RequestContext,
): Promise<ResendVerificationResult> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, emailVerified: true },
  });
  if (user.emailVerified) return { ok: false, reason: "already-verified" };
  const limit = await consumeRateLimit("verificationEmail", user.id);
  if (!limit.ok) return { ok: false, reason: "limited", limit };
  await db.$transaction(async (tx) => {
    const { token } = await issueToken(tx, {
      purpose: "EMAIL_VERIFICATION",
      email: user.email,
      userId: user.id,
      now: ctx.now,
    });
    return enqueueEmail(tx, {
      to: user.email,
      template: "verifyEmail",
      data: {
        name: user.name,
        url: accountLinks.verifyEmail(token),
        expiresInMinutes: tokenLifetimesMinutes.EMAIL_VERIFICATION,
      },
    });
  });
  return { ok: true };
}
