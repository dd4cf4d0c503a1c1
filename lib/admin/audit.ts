import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditClient } from "@/lib/audit/record";
import type { StaffAuditAction } from "@/lib/audit/actions";
import type { StaffContext } from "./context";

// Every staff action is recorded with the staff member as actor and the reason they typed.
export async function recordStaffAudit(
  client: AuditClient,
  ctx: Pick<StaffContext, "userId" | "client">,
  entry: {
    action: StaffAuditAction;
    reason: string | null;
    organizationId?: string | null;
    targetType?: "user" | "organization" | "stripe_event" | "job" | "metrics";
    targetId?: string;
    metadata?: Record<string, Prisma.JsonValue>;
  },
): Promise<string> {
  return recordAudit(client, {
    action: entry.action,
    actorId: ctx.userId,
    organizationId: entry.organizationId ?? null,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ipAddress: ctx.client.ipAddress,
    userAgent: ctx.client.userAgent,
    metadata: { ...entry.metadata, ...(entry.reason ? { reason: entry.reason } : {}), staff: true },
  });
}
