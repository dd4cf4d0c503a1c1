export const TENANT_TABLES = [
  { model: "project", table: "Project" },
  // After projects: a copy inserts an attachment after the project it belongs to.
  { model: "attachment", table: "Attachment" },
  { model: "auditLog", table: "AuditLog" },
] as const;

export type TenantModel = (typeof TENANT_TABLES)[number]["model"];
