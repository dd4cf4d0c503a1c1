import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { open } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { consumeRateLimit, type RateLimitRefusal } from "@/lib/rate-limit";
import { verifyPassword } from "../password";
import { markAuthenticated } from "../recent-authentication";
import { consumeToken, issueToken, tokenLifetimesMinutes } from "../tokens";
import { verifyTotp } from "../two-factor/totp";
import type { RequestContext } from "./context";
import { accountLinks } from "./links";
import { rateLimitedCheck } from "./step-up";
import { totpKey } from "./two-factor";

export type SessionRef = { userId: string; sessionId: string };

export type ReauthenticationMethods = { password: boolean; code: boolean; email: boolean };

export async function reauthenticationMethods(userId: string): Promise<ReauthenticationMethods> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, twoFactorEnabledAt: true },
  });
  const password = user.passwordHash !== null;
  const code = user.twoFactorEnabledAt !== null;
  // Only with nothing to type: else holding the session and the inbox would get around the secrets.
  return { password, code, email: !password && !code };
}

export type ReauthenticateResult =
  | { ok: true }
  | { ok: false; field: "password" | "code"; message: string }
  | { ok: false; limited: RateLimitRefusal };

const wrong = {
  password: "That password is not correct.",
  code: "That code is not valid. Enter the current code from your app.",
} as const;

export async function reauthenticate(
  input: SessionRef & { password?: string; code?: string },
  ctx: RequestContext,
): Promise<ReauthenticateResult> {
  const now = ctx.now ?? new Date();
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: {
      passwordHash: true,
      twoFactorEnabledAt: true,
      twoFactorSecret: true,
      twoFactorLastStep: true,
    },
  });
  const field = input.code ? "code" : "password";
  let stepUsed: number | null = null;
  const check =
    field === "code"
      ? await rateLimitedCheck("totpCode", input.userId, () => {
          if (!user.twoFactorEnabledAt || !user.twoFactorSecret) return false;
          const totp = verifyTotp({
            secret: open(user.twoFactorSecret, totpKey()),
            code: input.code ?? "",
            now: now.getTime(),
            lastUsedStep: user.twoFactorLastStep,
          });
          if (totp.ok) stepUsed = totp.step;
          return totp.ok;
        })
      : await rateLimitedCheck("currentPassword", input.userId, async () =>
          user.passwordHash ? verifyPassword(user.passwordHash, input.password ?? "") : false,
        );
  if (!check.ok) {
    return check.limited
      ? { ok: false, limited: check.limited }
      : { ok: false, field, message: wrong[field] };
  }
  const stamped = await db.$transaction(async (tx) => {
    if (stepUsed !== null) {
      // The code is used up, as at sign-in: a racing request cannot replay it.
      const { count } = await tx.user.updateMany({
        where: {
          id: input.userId,
          OR: [{ twoFactorLastStep: null }, { twoFactorLastStep: { lt: stepUsed } }],
        },
        data: { twoFactorLastStep: stepUsed },
      });
      if (count === 0) return false;
    }
    if (!(await markAuthenticated(tx, input, now))) return false;
    await recordAudit(tx, {
      action: "auth.reauthenticated",
      actorId: input.userId,
      targetType: "user",
      targetId: input.userId,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      metadata: { method: field },
    });
    return true;
  });
  return stamped ? { ok: true } : { ok: false, field, message: wrong[field] };
}

export type RequestReauthenticationLinkResult =
  | { ok: true }
  | { ok: false; reason: "not-available" }
  | { ok: false; reason: "limited"; limit: RateLimitRefusal };

export async function requestReauthenticationLink(
  input: SessionRef,
  ctx: RequestContext,
): Promise<RequestReauthenticationLinkResult> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { id: true, email: true, name: true, passwordHash: true, twoFactorEnabledAt: true },
  });
  if (user.passwordHash || user.twoFactorEnabledAt) return { ok: false, reason: "not-available" };
  const limit = await consumeRateLimit("reauthenticationEmail", user.id);
  if (!limit.ok) return { ok: false, reason: "limited", limit };
  await db.$transaction(async (tx) => {
    const { token } = await issueToken(tx, {
      purpose: "REAUTHENTICATION",
      email: user.email,
      userId: user.id,
      now: ctx.now,
    });
    return enqueueEmail(tx, {
      to: user.email,
      template: "reauthentication",
      data: {
        name: user.name,
        url: accountLinks.confirmReauthentication(token),
        expiresInMinutes: tokenLifetimesMinutes.REAUTHENTICATION,
      },
    });
  });
  return { ok: true };
}

// Stamps the session opening the link, not the asker's: a thief's request cannot confirm the thief.
export async function confirmReauthenticationLink(
  token: string,
  session: SessionRef,
  ctx: RequestContext,
): Promise<boolean> {
  const now = ctx.now ?? new Date();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: session.userId },
      select: { email: true, passwordHash: true, twoFactorEnabledAt: true },
    });
    if (!user) return false;
    const used = await consumeToken(tx, "REAUTHENTICATION", token, now);
    // A token of another account is used up but confirms nothing.
    if (!used || used.userId !== session.userId || used.email !== user.email) return false;
    if (user.passwordHash || user.twoFactorEnabledAt) return false;
    if (!(await markAuthenticated(tx, session, now))) return false;
    await recordAudit(tx, {
      action: "auth.reauthenticated",
      actorId: session.userId,
      targetType: "user",
      targetId: session.userId,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      metadata: { method: "email" },
    });
    return true;
  });
}
