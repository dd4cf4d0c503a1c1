import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import type { RateLimitRefusal } from "@/lib/rate-limit";
import { hashPassword, verifyPassword } from "../password";
import { requireRecentAuthentication } from "../recent-authentication";
import { revokeOtherSessions } from "../session-store";
import type { RequestContext } from "./context";
import { accountLinks } from "./links";
import { rateLimitedCheck } from "./step-up";

export type ChangePasswordResult =
  | { ok: true; sessionsEnded: number }
  | { ok: false; field: "currentPassword"; message: string }
  | { ok: false; limited: RateLimitRefusal };

// Link or OAuth accounts have no password yet: they set one through a reset.
export async function changePassword(
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
  ctx: RequestContext,
): Promise<ChangePasswordResult> {
  const now = ctx.now ?? new Date();
  await requireRecentAuthentication(input, now);
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const { passwordHash: currentHash } = user;
  const check = await rateLimitedCheck("currentPassword", user.id, async () =>
    currentHash ? verifyPassword(currentHash, input.currentPassword) : false,
  );
  if (!check.ok) {
    if (check.limited) return { ok: false, limited: check.limited };
    return {
      ok: false,
      field: "currentPassword",
      message: "Your current password is not correct.",
    };
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // Over the hash just verified only: a reset or claim in between wins.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, passwordChangedAt: now },
    });
    if (count === 0) {
      return {
        ok: false as const,
        field: "currentPassword" as const,
        message: "Your current password is not correct.",
      };
    }
    const sessionsEnded = await revokeOtherSessions(tx, user.id, input.sessionId);
    // Pending reset links and second-factor challenges (opened with the old password) die too.
    await tx.authToken.updateMany({
      where: {
        userId: user.id,
        purpose: { in: ["PASSWORD_RESET", "TWO_FACTOR_CHALLENGE"] },
        usedAt: null,
      },
      data: { usedAt: now },
    });
    await recordAudit(tx, {
      action: "auth.password_changed",
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      metadata: { sessionsEnded },
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
    return { ok: true as const, sessionsEnded };
  });
}
