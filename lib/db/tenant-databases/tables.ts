/**
 * The tenant tables: what lives in an organization's tenant database (README, "Hybrid
 * tenancy"). The router sends these models there; the move command copies these tables.
 */
export const TENANT_TABLES = [
  { model: "project", table: "Project" },
  // After projects: a copy inserts an attachment after the project it belongs to.
  { model: "attachment", table: "Attachment" },
  { model: "auditLog", table: "AuditLog" },
] as const;

export type TenantModel = (typeof TENANT_TABLES)[number]["model"];
