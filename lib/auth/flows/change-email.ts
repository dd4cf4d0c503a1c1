import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import type { RateLimitRefusal } from "@/lib/rate-limit";
import { verifyPassword } from "../password";
import { requireRecentAuthentication } from "../recent-authentication";
import { consumeToken, issueToken, tokenLifetimesMinutes } from "../tokens";
import type { RequestContext } from "./context";
import { accountLinks } from "./links";
import { rateLimitedCheck } from "./step-up";

export type RequestEmailChangeResult =
  | { ok: true }
  | { ok: false; field: "currentPassword" | "newEmail"; message: string }
  | { ok: false; limited: RateLimitRefusal };

// Nothing changes until the new address confirms. Another account's address gets the same answer
// and no link (no enumeration).
export async function requestEmailChange(
  input: { userId: string; sessionId: string; newEmail: string; currentPassword: string },
  ctx: RequestContext,
): Promise<RequestEmailChangeResult> {
  await requireRecentAuthentication(input, ctx.now);
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const { passwordHash } = user;
  const check = passwordHash
    ? await rateLimitedCheck("currentPassword", user.id, () =>
        verifyPassword(passwordHash, input.currentPassword),
      )
    : { ok: true as const };
  if (!check.ok) {
    if (check.limited) return { ok: false, limited: check.limited };
    return {
      ok: false,
      field: "currentPassword",
      message: "Your current password is not correct.",
    };
  }
  if (input.newEmail === user.email) {
    return { ok: false, field: "newEmail", message: "This is already your address." };
  }
  return db.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({
      where: { email: input.newEmail },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "auth.email_change_requested",
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
    });
    if (taken) return { ok: true as const };
    const { token } = await issueToken(tx, {
      purpose: "EMAIL_CHANGE",
      email: user.email,
      userId: user.id,
      newEmail: input.newEmail,
      now: ctx.now,
    });
    await enqueueEmail(tx, {
      to: input.newEmail,
      template: "emailChangeConfirm",
      data: {
        name: user.name,
        newEmail: input.newEmail,
        url: accountLinks.confirmEmailChange(token),
        expiresInMinutes: tokenLifetimesMinutes.EMAIL_CHANGE,
      },
    });
    return { ok: true as const };
  });
}

// The old address is told, so a hijacked session changing the address does not go unnoticed.
export async function confirmEmailChange(
  token: string,
  ctx: RequestContext,
): Promise<{ ok: true } | { ok: false }> {
  const now = ctx.now ?? new Date();
  return db.$transaction(async (tx) => {
    const used = await consumeToken(tx, "EMAIL_CHANGE", token, now);
    if (!used?.userId || !used.newEmail) return { ok: false as const };
    const user = await tx.user.findUnique({
      where: { id: used.userId },
      select: { id: true, email: true, name: true },
    });
    if (!user || user.email !== used.email) return { ok: false as const };
    const taken = await tx.user.findUnique({
      where: { email: used.newEmail },
      select: { id: true },
    });
    if (taken) return { ok: false as const };
    await tx.user.update({
      where: { id: user.id },
      data: { email: used.newEmail, emailVerified: now },
    });
    await recordAudit(tx, {
      action: "auth.email_changed",
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      metadata: { from: user.email, to: used.newEmail },
    });
    await enqueueEmail(tx, {
      to: user.email,
      template: "emailChangedNotice",
      data: { name: user.name, newEmail: used.newEmail, resetUrl: accountLinks.forgotPassword() },
    });
    return { ok: true as const };
  });
}
