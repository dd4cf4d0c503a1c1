import "server-only";

import { memberAction } from "@/lib/actions/chain";
import { auditExportSchema, exportAuditLog } from "./export";

/** The audit log as CSV (audit:read, and a plan with audit-log export). */
export const exportAuditLogAction = memberAction(
  "audit.export",
  "audit:read",
  auditExportSchema,
  (filter, ctx) => exportAuditLog(ctx.organization.id, filter),
);
