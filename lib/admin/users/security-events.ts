import "server-only";

import { withReplicaScope } from "@/lib/db/replica-scope";
import type { Prisma } from "@/lib/generated/prisma/client";

export const SECURITY_EVENTS_SHOWN = 20;

export type SecurityEvent = {
  id: string;
  action: string;
  createdAt: Date;
  actor: { id: string; email: string } | null;
  ipAddress: string | null;
  userAgent: string | null;
  reason: string | null;
};

function reasonOf(metadata: Prisma.JsonValue | null): string | null {
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) return null;
  const reason = (metadata as Record<string, Prisma.JsonValue>).reason;
  return typeof reason === "string" ? reason : null;
}

// What the user did outside any organization (sign-ins, password and 2FA changes) and what was
// done to the account (by staff, by a failed sign-in), newest first.
export async function recentSecurityEvents(userId: string): Promise<SecurityEvent[]> {
  const rows = await withReplicaScope({ platformRead: true }, (tx) =>
    tx.auditLog.findMany({
      where: {
        OR: [
          { actorId: userId, organizationId: null },
          { targetType: "user", targetId: userId },
        ],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: SECURITY_EVENTS_SHOWN,
      select: {
        id: true,
        action: true,
        createdAt: true,
        ipAddress: true,
        userAgent: true,
        metadata: true,
        actor: { select: { id: true, email: true } },
      },
    }),
  );
  return rows.map(({ metadata, ...row }) => ({ ...row, reason: reasonOf(metadata) }));
}
