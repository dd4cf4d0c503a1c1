import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ipRateLimitKey } from "@/lib/http/client-info";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { consumeRateLimit, refundRateLimit, type RateLimitResult } from "@/lib/rate-limit";
import { rateLimitPolicies } from "@/lib/rate-limit/policies";
import {
  hashPassword,
  needsRehash,
  PasswordWorkOverloadedError,
  verifyAgainstDummy,
  verifyPassword,
} from "../password";
import { createSession, lockSignInCredentials } from "../session-store";
import { issueToken } from "../tokens";
import type { RequestContext } from "./context";
import { accountLinks } from "./links";

export type RateLimited = Extract<RateLimitResult, { ok: false }>;

export type SignInResult =
  | {
      status: "signed-in";
      userId: string;
      sessionToken: string;
      expires: Date;
    }
  | { status: "two-factor"; challengeToken: string }
  | { status: "invalid" }
  | { status: "disabled" }
  | { status: "limited"; limit: RateLimited };

// Every path an attacker can tell apart costs the same: unknown addresses check a dummy hash and
// count failures too. The address's slot is taken atomically BEFORE the check, so no burst gets
// more checks than the lockout allows; a right password refunds its slot (not a reset, which would
// wipe an attacker's failures meanwhile).
export async function signInWithPassword(
  input: { email: string; password: string },
  ctx: RequestContext,
): Promise<SignInResult> {
  const now = ctx.now ?? new Date();
  const ipLimit = await consumeRateLimit("signInIp", ipRateLimitKey(ctx.ipAddress));
  if (!ipLimit.ok) return { status: "limited", limit: ipLimit };
  const accountLimit = await consumeRateLimit("signInAccount", input.email);
  if (!accountLimit.ok) return { status: "limited", limit: accountLimit };

  const user = await db.user.findUnique({
    where: { email: input.email },
    select: {
      id: true,
      name: true,
      passwordHash: true,
      disabledAt: true,
      twoFactorEnabledAt: true,
    },
  });
  // A disabled account checks its real hash too: only the right password learns it is disabled.
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);

  if (!valid || !user) {
    await db.$transaction(async (tx) => {
      await recordAudit(tx, {
        action: "auth.sign_in_failed",
        actorId: user?.id ?? null,
        targetType: "user",
        targetId: user?.id,
        ipAddress: ctx.ipAddress,
        userAgent: ctx.userAgent,
        metadata: { method: "password", known: user !== null },
      });
      // The failure that took the last slot starts the lockout: tell the owner once.
      if (user && accountLimit.remaining === 0) {
        const windowSeconds = rateLimitPolicies.signInAccount.windowSeconds;
        const windowIndex = Math.floor(now.getTime() / (windowSeconds * 1000));
        await recordAudit(tx, {
          action: "auth.lockout",
          actorId: user.id,
          targetType: "user",
          targetId: user.id,
          ipAddress: ctx.ipAddress,
          userAgent: ctx.userAgent,
        });
        await enqueueEmail(tx, {
          to: input.email,
          template: "accountLocked",
          data: {
            name: user.name,
            retryAfterMinutes: Math.ceil(windowSeconds / 60),
            resetUrl: accountLinks.forgotPassword(),
          },
          dedupeKey: `lockout:${user.id}:${windowIndex}`,
        });
      }
    });
    return { status: "invalid" };
  }
  await refundRateLimit("signInAccount", input.email);
  if (user.disabledAt) return { status: "disabled" };

  let verifiedHash = user.passwordHash;
  // An upgrade, not a need: skipped when the instance is too busy to hash.
  const upgraded =
    verifiedHash && needsRehash(verifiedHash)
      ? await hashPassword(input.password).catch((error: unknown) => {
          if (error instanceof PasswordWorkOverloadedError) return null;
          throw error;
        })
      : null;
  if (upgraded) {
    // Only over the hash just checked: a password changed meanwhile is not overwritten.
    const { count } = await db.user.updateMany({
      where: { id: user.id, passwordHash: verifiedHash },
      data: { passwordHash: upgraded },
    });
    if (count === 1) verifiedHash = upgraded;
  }
  return finishPrimarySignIn(
    user.id,
    user.twoFactorEnabledAt !== null,
    "password",
    ctx,
    verifiedHash,
  );
}

// A password changed, reset or claimed since `verifiedHash` was checked ends the sign-in as
// invalid, instead of outliving the change that revoked the sessions.
export async function finishPrimarySignIn(
  userId: string,
  hasSecondFactor: boolean,
  method: "password" | "magic-link",
  ctx: RequestContext,
  verifiedPasswordHash?: string | null,
): Promise<Extract<SignInResult, { status: "signed-in" | "two-factor" | "invalid" | "disabled" }>> {
  const now = ctx.now ?? new Date();
  return db.$transaction(async (tx) => {
    // Re-checked under the row lock, in the transaction that creates the session.
    const current = await lockSignInCredentials(tx, userId);
    if (!current || (method === "password" && current.passwordHash !== verifiedPasswordHash)) {
      return { status: "invalid" as const };
    }
    if (current.disabledAt) return { status: "disabled" as const };
    if (hasSecondFactor) {
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { email: true },
      });
      const { token } = await issueToken(tx, {
        purpose: "TWO_FACTOR_CHALLENGE",
        email: user.email,
        userId,
        now,
      });
      return { status: "two-factor" as const, challengeToken: token };
    }
    const session = await createSession(tx, {
      userId,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      now,
    });
    await recordAudit(tx, {
      action: "auth.sign_in",
      actorId: userId,
      targetType: "user",
      targetId: userId,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      metadata: { method },
    });
    return {
      status: "signed-in" as const,
      userId,
      sessionToken: session.token,
      expires: session.expires,
    };
  });
}
