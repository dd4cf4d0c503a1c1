import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { revokeOtherSessions, revokeUserSession } from "../session-store";
import type { RequestContext } from "./context";

export async function signOutOtherSessions(
  input: { userId: string; sessionId: string },
  ctx: RequestContext,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const count = await revokeOtherSessions(tx, input.userId, input.sessionId);
    await recordAudit(tx, {
      action: "auth.sessions_revoked",
      actorId: input.userId,
      targetType: "user",
      targetId: input.userId,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      metadata: { count },
    });
    return count;
  });
}

// Another user's session id matches nothing.
export async function signOutSession(
  input: { userId: string; sessionId: string },
  ctx: RequestContext,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const ended = await revokeUserSession(tx, input.userId, input.sessionId);
    if (ended) {
      await recordAudit(tx, {
        action: "auth.session_revoked",
        actorId: input.userId,
        targetType: "session",
        targetId: input.sessionId,
        ipAddress: ctx.ipAddress,
        userAgent: ctx.userAgent,
      });
    }
    return ended;
  });
}
