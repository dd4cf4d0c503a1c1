import "server-only";

import { createImpersonationSession } from "@/lib/auth/impersonation";
import { db } from "@/lib/db";
import { ExpectedError, notFound } from "@/lib/errors";
import { recordStaffAudit } from "../audit";
import type { StaffContext } from "../context";
import { bannerText } from "./banner";

export type StartedImpersonation = {
  token: string;
  expires: Date;
  userId: string;
  banner: string;
};

// Bound to the staff member's own session, capped at 30 minutes; never staff (nor oneself), never a
// disabled account. One at a time: an earlier one of the same staff session ends here.
export async function startImpersonation(
  ctx: Pick<StaffContext, "userId" | "client" | "session" | "staff">,
  input: { userId: string; reason: string },
  now: Date = new Date(),
): Promise<StartedImpersonation> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, email: true, name: true, staffSince: true, disabledAt: true },
    });
    if (!user) throw notFound("That user");
    if (user.id === ctx.userId) throw new ExpectedError("You cannot view as yourself.", 409);
    if (user.staffSince) throw new ExpectedError("Staff cannot view as other staff.", 403);
    if (user.disabledAt)
      throw new ExpectedError(
        "This account is disabled. Enable it first to view as this user.",
        409,
      );
    await tx.session.deleteMany({ where: { impersonatorSessionId: ctx.session.sessionId } });
    const session = await createImpersonationSession(tx, {
      userId: user.id,
      staffUserId: ctx.userId,
      staffSessionId: ctx.session.sessionId,
      reason: input.reason,
      ipAddress: ctx.client.ipAddress,
      userAgent: ctx.client.userAgent,
      now,
    });
    await recordStaffAudit(tx, ctx, {
      action: "staff.impersonation_started",
      reason: input.reason,
      targetType: "user",
      targetId: user.id,
      metadata: { expiresAt: session.expires.toISOString() },
    });
    return {
      token: session.token,
      expires: session.expires,
      userId: user.id,
      banner: bannerText(user, ctx.staff),
    };
  });
}
