import "server-only";

import { memberAction } from "@/lib/actions/chain";
import { auditFilterSchema, listAuditLog } from "./query";

/** The organization's audit log for owners and admins (audit:read), filtered and paginated. */
export const listAuditLogAction = memberAction(
  "audit.list",
  "audit:read",
  auditFilterSchema,
  (filter, ctx) => listAuditLog(ctx.organization.id, filter),
);
