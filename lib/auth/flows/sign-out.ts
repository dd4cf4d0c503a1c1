import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { hashToken } from "../tokens";
import type { RequestContext } from "./context";

export async function signOut(sessionToken: string, ctx: RequestContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({
      where: { sessionToken: hashToken(sessionToken) },
      select: { id: true, userId: true },
    });
    if (!session) return;
    await tx.session.delete({ where: { id: session.id } });
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
