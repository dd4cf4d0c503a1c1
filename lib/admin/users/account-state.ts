import "server-only";

import { db } from "@/lib/db";
import { ExpectedError } from "@/lib/errors";
import { recordStaffAudit } from "../audit";
import type { StaffContext } from "../context";
import { loadTargetUser } from "./target";

type Staff = Pick<StaffContext, "userId" | "client">;
type Request = { userId: string; reason: string };

/**
 * Disabling takes the row lock before ending sessions: a sign-in in flight holds the row FOR
 * SHARE (lockSignInCredentials), so it either commits first and its session is deleted here, or
 * waits and then sees disabledAt. Impersonation sessions of the user go too (they are theirs).
 */
export async function disableUser(ctx: Staff, { userId, reason }: Request) {
  const user = await loadTargetUser(ctx.userId, userId, "disable");
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, disabledAt: null },
      data: { disabledAt: new Date() },
    });
    if (count === 0) throw new ExpectedError("This account is already disabled.", 409);
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    await recordStaffAudit(tx, ctx, {
      action: "staff.user_disabled",
      reason,
      targetType: "user",
      targetId: user.id,
      metadata: { sessionsEnded: sessions.count },
    });
    return { userId: user.id, sessionsEnded: sessions.count };
  });
}

export async function enableUser(ctx: Staff, { userId, reason }: Request) {
  const user = await loadTargetUser(ctx.userId, userId, "enable");
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, disabledAt: { not: null } },
      data: { disabledAt: null },
    });
    if (count === 0) throw new ExpectedError("This account is not disabled.", 409);
    await recordStaffAudit(tx, ctx, {
      action: "staff.user_enabled",
      reason,
      targetType: "user",
      targetId: user.id,
    });
    return { userId: user.id };
  });
}

export async function revokeUserSessions(ctx: Staff, { userId, reason }: Request) {
  const user = await loadTargetUser(ctx.userId, userId, "sign out");
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
    await recordStaffAudit(tx, ctx, {
      action: "staff.sessions_revoked",
      reason,
      targetType: "user",
      targetId: user.id,
      metadata: { sessionsEnded: count },
    });
    return { userId: user.id, sessionsEnded: count };
  });
}
