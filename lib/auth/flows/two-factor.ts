import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { deriveKey, open, seal } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { consumeRateLimit, type RateLimitResult } from "@/lib/rate-limit";
import { rateLimitMessage } from "@/lib/rate-limit/response";
import { requireRecentAuthentication } from "../recent-authentication";
import { createSession, lockSignInCredentials } from "../session-store";
import { consumeToken, findUsableToken } from "../tokens";
import { totpQrSvg } from "../two-factor/qr";
import {
  findMatchingRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
  type RecoveryCodeKey,
} from "../two-factor/recovery-codes";
import {
  formatSecretForDisplay,
  generateTotpSecret,
  totpUri,
  verifyTotp,
} from "../two-factor/totp";
import type { RequestContext } from "./context";
import { accountLinks } from "./links";
import { rateLimitedCheck } from "./step-up";

export function totpKey(): Buffer {
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is required to protect two-factor secrets.");
  return deriveKey(env.AUTH_SECRET, "keel:totp-secret");
}

function recoveryCodeKey(userId: string): RecoveryCodeKey {
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is required to protect recovery codes.");
  return { secret: deriveKey(env.AUTH_SECRET, "keel:recovery-codes"), userId };
}

export type TwoFactorSetup = { qrSvg: string; manualKey: string; uri: string };

// An unconfirmed address may be a stranger's: their second factor would lock the real owner out.
export const twoFactorNeedsVerifiedEmail =
  "Confirm your email address before you turn on two-factor authentication.";

// Stored sealed but inactive: nothing changes for sign-in until a first code confirms it.
export async function beginTwoFactorSetup(userId: string): Promise<TwoFactorSetup | null> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, emailVerified: true, twoFactorEnabledAt: true },
  });
  if (user.twoFactorEnabledAt || !user.emailVerified) return null;
  const secret = generateTotpSecret();
  await db.user.update({
    where: { id: userId },
    data: { twoFactorSecret: seal(secret, totpKey()) },
  });
  const uri = totpUri({ secret, accountName: user.email });
  return { uri, qrSvg: await totpQrSvg(uri), manualKey: formatSecretForDisplay(secret) };
}

export type ConfirmTwoFactorResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; message: string; limited?: RateLimitRefusal };

type RateLimitRefusal = Extract<RateLimitResult, { ok: false }>;

export async function confirmTwoFactorSetup(
  input: { userId: string; sessionId: string; code: string },
  ctx: RequestContext,
): Promise<ConfirmTwoFactorResult> {
  const now = ctx.now ?? new Date();
  await requireRecentAuthentication(input, now);
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: {
      id: true,
      email: true,
      name: true,
      emailVerified: true,
      twoFactorSecret: true,
      twoFactorEnabledAt: true,
    },
  });
  if (!user.emailVerified) return { ok: false, message: twoFactorNeedsVerifiedEmail };
  if (user.twoFactorEnabledAt)
    return { ok: false, message: "Two-factor authentication is already on." };
  if (!user.twoFactorSecret) return { ok: false, message: "Start the setup again." };
  const secret = user.twoFactorSecret;
  let step = 0;
  const check = await rateLimitedCheck("totpCode", user.id, () => {
    const totp = verifyTotp({
      secret: open(secret, totpKey()),
      code: input.code,
      now: now.getTime(),
    });
    if (totp.ok) step = totp.step;
    return totp.ok;
  });
  if (!check.ok && check.limited)
    return { ok: false, message: rateLimitMessage(check.limited), limited: check.limited };
  if (!check.ok)
    return { ok: false, message: "That code is not valid. Enter the current code from your app." };
  const recoveryCodes = generateRecoveryCodes(10);
  const enabled = await db.$transaction(async (tx) => {
    // Only over the checked secret, still unused: a claim or second setup in between voids it.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, twoFactorSecret: user.twoFactorSecret, twoFactorEnabledAt: null },
      data: { twoFactorEnabledAt: now, twoFactorLastStep: step },
    });
    if (count === 0) return false;
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({
      data: recoveryCodes.map((code) => ({
        userId: user.id,
        codeHash: hashRecoveryCode(code, recoveryCodeKey(user.id)),
      })),
    });
    await recordAudit(tx, {
      action: "auth.two_factor_enabled",
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
    });
    await enqueueEmail(tx, {
      to: user.email,
      template: "twoFactorChanged",
      data: { name: user.name, enabled: true, resetUrl: accountLinks.forgotPassword() },
    });
    return true;
  });
  if (!enabled) return { ok: false, message: "Start the setup again." };
  return { ok: true, recoveryCodes };
}

export async function disableTwoFactor(
  input: { userId: string; sessionId: string; code: string },
  ctx: RequestContext,
): Promise<{ ok: true } | { ok: false; message: string; limited?: RateLimitRefusal }> {
  const now = ctx.now ?? new Date();
  await requireRecentAuthentication(input, now);
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: {
      id: true,
      email: true,
      name: true,
      twoFactorSecret: true,
      twoFactorEnabledAt: true,
      twoFactorLastStep: true,
    },
  });
  if (!user.twoFactorEnabledAt || !user.twoFactorSecret) {
    return { ok: false, message: "Two-factor authentication is not on." };
  }
  const { twoFactorSecret, twoFactorLastStep } = user;
  const check = await rateLimitedCheck(
    "totpCode",
    user.id,
    () =>
      verifyTotp({
        secret: open(twoFactorSecret, totpKey()),
        code: input.code,
        now: now.getTime(),
        lastUsedStep: twoFactorLastStep,
      }).ok,
  );
  if (!check.ok && check.limited)
    return { ok: false, message: rateLimitMessage(check.limited), limited: check.limited };
  if (!check.ok)
    return { ok: false, message: "That code is not valid. Enter the current code from your app." };
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { twoFactorEnabledAt: null, twoFactorSecret: null, twoFactorLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, {
      action: "auth.two_factor_disabled",
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
    });
    await enqueueEmail(tx, {
      to: user.email,
      template: "twoFactorChanged",
      data: { name: user.name, enabled: false, resetUrl: accountLinks.forgotPassword() },
    });
  });
  return { ok: true };
}

export type TwoFactorChallengeResult =
  | { status: "signed-in"; userId: string; sessionToken: string; expires: Date }
  | { status: "wrong-code" }
  | { status: "expired" }
  | { status: "disabled" }
  | { status: "limited"; limit: Extract<RateLimitResult, { ok: false }> };

// A wrong code keeps the challenge (up to the rate limit); a right one uses it up.
export async function completeTwoFactorChallenge(
  input: { challengeToken: string; code: string },
  ctx: RequestContext,
): Promise<TwoFactorChallengeResult> {
  const now = ctx.now ?? new Date();
  const challenge = await findUsableToken(db, "TWO_FACTOR_CHALLENGE", input.challengeToken, now);
  if (!challenge?.userId) return { status: "expired" };
  const limit = await consumeRateLimit("twoFactor", challenge.userId);
  if (!limit.ok) return { status: "limited", limit };

  const user = await db.user.findUniqueOrThrow({
    where: { id: challenge.userId },
    select: { id: true, twoFactorSecret: true, twoFactorLastStep: true, disabledAt: true },
  });
  // The challenge shows the first factor was passed, so its holder may learn the account's state.
  if (user.disabledAt) return { status: "disabled" };
  if (!user.twoFactorSecret) return { status: "expired" };

  const totp = verifyTotp({
    secret: open(user.twoFactorSecret, totpKey()),
    code: input.code,
    now: now.getTime(),
    lastUsedStep: user.twoFactorLastStep,
  });
  const recovery = totp.ok
    ? null
    : await db.recoveryCode.findMany({
        where: { userId: user.id, usedAt: null },
        select: { codeHash: true },
      });
  const recoveryHash = recovery
    ? findMatchingRecoveryCode(
        input.code,
        recovery.map((r) => r.codeHash),
        recoveryCodeKey(user.id),
      )
    : null;

  if (!totp.ok && !recoveryHash) {
    await recordAudit(db, {
      action: "auth.sign_in_failed",
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      metadata: { method: "two-factor" },
    });
    return { status: "wrong-code" };
  }

  const result = await db.$transaction(async (tx) => {
    // A password change or reset revokes challenges; the lock orders this against one in flight.
    const current = await lockSignInCredentials(tx, user.id);
    if (!current) return null;
    if (current.disabledAt) return "disabled" as const;
    // Used up here, in the same transaction: two tabs submitting at once get one session.
    if (!(await consumeToken(tx, "TWO_FACTOR_CHALLENGE", input.challengeToken, now))) return null;
    if (totp.ok) {
      // Only a newer step may be stored, so a racing request cannot replay the code.
      const { count } = await tx.user.updateMany({
        where: {
          id: user.id,
          OR: [{ twoFactorLastStep: null }, { twoFactorLastStep: { lt: totp.step } }],
        },
        data: { twoFactorLastStep: totp.step },
      });
      if (count === 0) return false;
    } else {
      const { count } = await tx.recoveryCode.updateMany({
        where: { userId: user.id, codeHash: recoveryHash!, usedAt: null },
        data: { usedAt: now },
      });
      if (count === 0) return false;
      await recordAudit(tx, {
        action: "auth.recovery_code_used",
        actorId: user.id,
        targetType: "user",
        targetId: user.id,
        ipAddress: ctx.ipAddress,
        userAgent: ctx.userAgent,
      });
    }
    const session = await createSession(tx, {
      userId: user.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      now,
    });
    await recordAudit(tx, {
      action: "auth.sign_in",
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      metadata: { method: "two-factor", with: totp.ok ? "app" : "recovery" },
    });
    return session;
  });
  if (!result) return { status: "wrong-code" };
  if (result === "disabled") return { status: "disabled" };
  return {
    status: "signed-in",
    userId: user.id,
    sessionToken: result.token,
    expires: result.expires,
  };
}

export async function remainingRecoveryCodes(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
