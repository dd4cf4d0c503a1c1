import "server-only";

import { describeAuditAction } from "@/lib/audit/display";
import { db } from "@/lib/db";
import { withScope } from "@/lib/db/tenant";

export type SecurityEvent = {
  id: string;
  at: Date;
  what: string;
  /** Set when support did it, or it was done while support viewed the account as the user. */
  support: { name: string; reason: string | null } | null;
  ipAddress: string | null;
};

const supportWording: Record<string, string> = {
  "staff.impersonation_started": "Support started viewing your account as you",
  "staff.impersonation_ended": "Support stopped viewing your account",
};

const text = (metadata: unknown, key: string): string | null => {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return null;
  const value = (metadata as Record<string, unknown>)[key];
  return typeof value === "string" ? value : null;
};

/**
 * The account's own events (sign-ins, password and 2FA changes) and what support did to it, newest
 * first. Row-level security decides what is readable: entries the user made (audit_own_select)
 * and entries about them (audit_about_me), so support's access is there whoever recorded it.
 */
export async function securityHistory(userId: string, take = 20): Promise<SecurityEvent[]> {
  const rows = await withScope({ userId }, (tx) =>
    tx.auditLog.findMany({
      where: {
        OR: [
          { actorId: userId, organizationId: null },
          { targetType: "user", targetId: userId },
        ],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        action: true,
        createdAt: true,
        ipAddress: true,
        metadata: true,
        actorId: true,
        actor: { select: { name: true } },
      },
    }),
  );
  const staffIds = [
    ...new Set(
      rows
        .map((row) => text(row.metadata, "impersonatorId"))
        .filter((id): id is string => id !== null),
    ),
  ];
  const staff =
    staffIds.length === 0
      ? []
      : await db.user.findMany({
          where: { id: { in: staffIds } },
          select: { id: true, name: true },
        });
  const staffNames = new Map(staff.map((member) => [member.id, member.name]));
  return rows.map((row) => {
    const bySupport = row.action.startsWith("staff.") && row.actorId !== userId;
    const impersonatorId = text(row.metadata, "impersonatorId");
    const supportName = bySupport
      ? row.actor?.name
      : impersonatorId
        ? staffNames.get(impersonatorId)
        : undefined;
    return {
      id: row.id,
      at: row.createdAt,
      what: supportWording[row.action] ?? describeAuditAction(row.action),
      support:
        bySupport || impersonatorId
          ? { name: supportName ?? "A support team member", reason: text(row.metadata, "reason") }
          : null,
      ipAddress: row.ipAddress,
    };
  });
}
