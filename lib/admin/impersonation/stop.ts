import "server-only";

import { deleteImpersonation } from "@/lib/auth/impersonation";
import { db } from "@/lib/db";
import type { ClientInfo } from "@/lib/http/client-info";
import { recordStaffAudit } from "../audit";

// The token must be bound to the session of the staff member's own cookie, so nobody else's token
// ends anything. Returns the user it was for.
export async function stopImpersonation(
  tokens: { impersonation: string; staffSession: string },
  client: ClientInfo,
): Promise<{ userId: string } | null> {
  return db.$transaction(async (tx) => {
    const ended = await deleteImpersonation(tx, tokens.impersonation, tokens.staffSession);
    if (!ended) return null;
    await recordStaffAudit(
      tx,
      { userId: ended.impersonatorId, client },
      {
        action: "staff.impersonation_ended",
        reason: null,
        targetType: "user",
        targetId: ended.userId,
        metadata: { via: "stop" },
      },
    );
    return { userId: ended.userId };
  });
}
