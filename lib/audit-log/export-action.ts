import "server-only";

import { memberAction } from "@/lib/actions/chain";
import { auditExportSchema, exportAuditLog } from "./export";

export const exportAuditLogAction = memberAction(
  "audit.export",
  "audit:read",
  auditExportSchema,
  (filter, ctx) => exportAuditLog(ctx.organization.id, filter),
);
