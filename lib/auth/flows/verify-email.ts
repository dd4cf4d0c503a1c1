import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { consumeRateLimit } from "@/lib/rate-limit";
import type { RateLimitResult } from "@/lib/rate-limit";
import { createSession } from "../session-store";
import { consumeToken, issueToken, tokenLifetimesMinutes } from "../tokens";
import type { RequestContext } from "./context";
import { accountLinks } from "./links";

export type VerifyEmailResult =
  { ok: true; userId: string; sessionToken: string | null; expires: Date | null } | { ok: false };

/**
 * Confirms an address with the emailed token and signs the user in, unless the account
 * has a second factor (then the user signs in normally). A token for an address the
 * account no longer has does nothing.
 */
export async function confirmEmail(token: string, ctx: RequestContext): Promise<VerifyEmailResult> {
  const now = ctx.now ?? new Date();
  return db.$transaction(async (tx) => {
    const used = await consumeToken(tx, "EMAIL_VERIFICATION", token, now);
    if (!used?.userId) return { ok: false };
    const user = await tx.user.findUnique({
      where: { id: used.userId },
      select: {
        id: true,
        email: true,
        emailVerified: true,
        twoFactorEnabledAt: true,
        disabledAt: true,
      },
    });
    if (!user || user.email !== used.email || user.disabledAt) return { ok: false };
    if (!user.emailVerified) {
      await tx.user.update({ where: { id: user.id }, data: { emailVerified: now } });
      await recordAudit(tx, {
        action: "auth.email_verified",
        actorId: user.id,
        targetType: "user",
        targetId: user.id,
        ipAddress: ctx.ipAddress,
        userAgent: ctx.userAgent,
      });
    }
    if (user.twoFactorEnabledAt)
      return { ok: true, userId: user.id, sessionToken: null, expires: null };
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
  | { ok: true; outboxIds: string[] }
  | { ok: false; reason: "already-verified" }
  | { ok: false; reason: "limited"; limit: Extract<RateLimitResult, { ok: false }> };

/** Sends a fresh verification link to a signed-in, unverified user (rate limited). */
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
  const id = await db.$transaction(async (tx) => {
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
  return { ok: true, outboxIds: [id] };
}
