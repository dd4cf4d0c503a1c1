import "server-only";

import { memberAction } from "@/lib/actions/chain";
import { auditFilterSchema, listAuditLog } from "./query";

export const listAuditLogAction = memberAction(
  "audit.list",
  "audit:read",
  auditFilterSchema,
  (filter, ctx) => listAuditLog(ctx.organization.id, filter),
  { readOnly: true },
);
