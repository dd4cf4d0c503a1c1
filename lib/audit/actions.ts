/**
 * Every action the audit log records, as dotted verbs: `<area>.<what_happened>`.
 * Add new areas (`organization.*`, `member.*`, `billing.*`) as their own list and
 * spread it into `auditActions`, so the union below grows with them.
 */
const accountActions = [
  "auth.sign_up",
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.lockout",
  "auth.email_verified",
  "auth.password_reset_requested",
  "auth.password_reset",
  "auth.password_changed",
  "auth.email_change_requested",
  "auth.email_changed",
  "auth.two_factor_enabled",
  "auth.two_factor_disabled",
  "auth.recovery_code_used",
  "auth.sessions_revoked",
  "auth.session_revoked",
  "auth.oauth_linked",
  "auth.reauthenticated",
  "account.exported",
  "account.deleted",
] as const;

/** What happens inside an organization; the organization's audit log shows these. */
const organizationActions = [
  "organization.created",
  "organization.updated",
  "organization.deleted",
  "organization.ownership_transferred",
  "member.invited",
  "member.invitation_resent",
  "member.invitation_revoked",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.left",
  "project.created",
  "project.updated",
  "project.deleted",
  "billing.checkout_started",
  "billing.plan_changed",
  "billing.cancellation_scheduled",
  "billing.cancellation_withdrawn",
  "billing.subscription_updated",
] as const;

export const organizationAuditActions = organizationActions;

export const auditActions = [...accountActions, ...organizationActions] as const;

export type AuditAction = (typeof auditActions)[number];

/** Narrows a stored `AuditLog.action` string, e.g. when rendering a log for people. */
export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}
