import "server-only";

import type { Database } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { normalizeEmail } from "@/lib/auth/flows/context";

export type StaffChange =
  { ok: true; changed: boolean; userId: string } | { ok: false; reason: "no_such_user" };

// Only `npm run staff` calls these: no page or action can make someone staff.
export async function setStaff(
  db: Database,
  email: string,
  grant: boolean,
  now: Date = new Date(),
): Promise<StaffChange> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email: normalizeEmail(email) },
      select: { id: true, staffSince: true },
    });
    if (!user) return { ok: false, reason: "no_such_user" };
    if ((user.staffSince !== null) === grant) return { ok: true, changed: false, userId: user.id };
    await tx.user.update({ where: { id: user.id }, data: { staffSince: grant ? now : null } });
    await recordAudit(tx, {
      action: grant ? "staff.granted" : "staff.revoked",
      targetType: "user",
      targetId: user.id,
      metadata: { via: "cli" },
    });
    return { ok: true, changed: true, userId: user.id };
  });
}
