import "server-only";

import { z } from "zod";
import { withReplicaTenant } from "@/lib/db/replica-scope";
import { inOrganization } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import { organizationAuditActions } from "@/lib/audit/actions";
import { userNames } from "@/lib/tenancy/user-names";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31.")
  // Round-tripped, because Date.parse accepts 2026-02-31 as 3 March.
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }, "That date does not exist.");
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const auditFilterSchema = z.strictObject({
  actor: z.preprocess(blankToUndefined, z.string().max(64).optional()),
  action: z.preprocess(blankToUndefined, z.enum(organizationAuditActions).optional()),
  from: z.preprocess(blankToUndefined, day.optional()),
  to: z.preprocess(blankToUndefined, day.optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntryView = {
  id: string;
  action: string;
  createdAt: Date;
  ipAddress: string | null;
  targetType: string | null;
  targetId: string | null;
  metadata: Prisma.JsonValue;
  actor: { id: string; name: string | null; email: string } | null;
  /** Set when the target is a user who still exists, to name them in the entry's sentence. */
  targetUser: { id: string; name: string | null; email: string } | null;
};

// Whole UTC days, both ends included.
export async function listAuditLog(
  organizationId: string,
  filter: AuditFilter,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ entries: AuditEntryView[]; page: number; hasMore: boolean }> {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = new Date(`${filter.from}T00:00:00.000Z`);
  if (filter.to) createdAt.lt = new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + 86_400_000);
  const where: Prisma.AuditLogWhereInput = {
    ...inOrganization(organizationId),
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
  };
  const rows = await withReplicaTenant(organizationId, async (tx) => {
    const found = await tx.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * pageSize,
      // One more than shown tells whether there is a next page without counting.
      take: pageSize + 1,
      select: {
        id: true,
        action: true,
        createdAt: true,
        ipAddress: true,
        targetType: true,
        targetId: true,
        metadata: true,
        actorId: true,
      },
    });
    // Actors and the users entries are about, in one lookup.
    const users = await userNames(tx, [
      ...found.map((row) => row.actorId),
      ...found.map((row) => (row.targetType === "user" ? row.targetId : null)),
    ]);
    return found.map(({ actorId, ...entry }) => ({
      ...entry,
      actor: (actorId && users.get(actorId)) || null,
      targetUser:
        (entry.targetType === "user" && entry.targetId && users.get(entry.targetId)) || null,
    }));
  });
  return { entries: rows.slice(0, pageSize), page: filter.page, hasMore: rows.length > pageSize };
}
