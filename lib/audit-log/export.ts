import "server-only";

import type { z } from "zod";
import { requireEntitlement } from "@/lib/billing/plans/entitlements";
import { withTenant } from "@/lib/db/tenant";
import { describeAuditEntry } from "./describe-entry";
import { auditFilterSchema, listAuditLog, type AuditEntryView } from "./query";

export const auditExportSchema = auditFilterSchema.omit({ page: true });

// A year of a busy organization, in one response.
export const AUDIT_EXPORT_LIMIT = 10_000;

// A leading =, +, - or @ is defused with an apostrophe: spreadsheets would run it as a formula.
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// New columns go at the end: spreadsheets built on the export read columns by position.
export const AUDIT_CSV_HEADER =
  "time,action,actor,target_type,target_id,ip_address,details,summary";

export function auditCsvRow(entry: AuditEntryView): string {
  return [
    entry.createdAt.toISOString(),
    entry.action,
    entry.actor?.email ?? "",
    entry.targetType,
    entry.targetId,
    entry.ipAddress,
    entry.metadata === null ? "" : JSON.stringify(entry.metadata),
    describeAuditEntry(entry),
  ]
    .map((cell) => csvCell(cell))
    .join(",");
}

export async function exportAuditLog(
  organizationId: string,
  filter: z.infer<typeof auditExportSchema>,
): Promise<{ csv: string; rows: number }> {
  await withTenant(organizationId, (tx) => requireEntitlement(tx, organizationId, "auditExport"));
  const { entries } = await listAuditLog(
    organizationId,
    { ...filter, page: 1 },
    AUDIT_EXPORT_LIMIT,
  );
  return {
    csv: [AUDIT_CSV_HEADER, ...entries.map(auditCsvRow)].join("\r\n") + "\r\n",
    rows: entries.length,
  };
}
