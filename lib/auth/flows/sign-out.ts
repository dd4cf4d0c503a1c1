import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { hashToken } from "../tokens";
import type { RequestContext } from "./context";

// A staff member's sign-out also ends any impersonation bound to their session (the foreign key
// cascades); each one is recorded as ended, so the customer's history shows when it stopped.
export async function signOut(sessionToken: string, ctx: RequestContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({
      where: { sessionToken: hashToken(sessionToken) },
      select: {
        id: true,
        userId: true,
        impersonations: { select: { id: true, userId: true } },
      },
    });
    if (!session) return;
    await tx.session.delete({ where: { id: session.id } });
    for (const ended of session.impersonations) {
      await recordAudit(tx, {
        action: "staff.impersonation_ended",
        actorId: session.userId,
        targetType: "user",
        targetId: ended.userId,
        ipAddress: ctx.ipAddress,
        userAgent: ctx.userAgent,
        metadata: { via: "sign_out", staff: true },
      });
    }
    await recordAudit(tx, {
      action: "auth.sign_out",
      actorId: session.userId,
      targetType: "session",
      targetId: session.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
    });
  });
}
