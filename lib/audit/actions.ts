// `<area>.<what_happened>`; add a new area as its own list spread into `auditActions`.
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

const organizationActions = [
  "organization.created",
  "organization.updated",
  "organization.deleted",
  "organization.ownership_transferred",
  "organization.checklist_dismissed",
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
  "project.file_added",
  "project.file_deleted",
  "organization.logo_changed",
  "organization.logo_removed",
  "api.key_created",
  "api.key_revoked",
  "api.key_scopes_changed",
  "billing.checkout_started",
  "billing.plan_changed",
  "billing.promotion_code_applied",
  "billing.cancellation_scheduled",
  "billing.cancellation_withdrawn",
  "billing.subscription_updated",
  "billing.referral_credited",
] as const;

// Operator console actions: the actor is the staff member, metadata carries their reason.
const staffActions = [
  "staff.granted",
  "staff.revoked",
  "staff.user_disabled",
  "staff.user_enabled",
  "staff.sessions_revoked",
  "staff.verification_resent",
  "staff.password_reset_sent",
  "staff.user_exported",
  "staff.user_deleted",
  "staff.impersonation_started",
  "staff.impersonation_ended",
  "staff.subscription_reread",
  "staff.plan_comped",
  "staff.comp_ended",
  "staff.limit_changed",
  "staff.organization_suspended",
  "staff.organization_unsuspended",
  "staff.organization_deleted",
  "staff.flag_overridden",
  "staff.flag_override_removed",
  "staff.spend_recorded",
  "staff.stripe_event_retried",
  "staff.stripe_event_discarded",
  "staff.job_retried",
  "staff.job_discarded",
  "staff.metrics_recomputed",
  "staff.tenant_move_started",
  "staff.tenant_move_finished",
  "staff.tenant_move_failed",
] as const;

export type StaffAuditAction = (typeof staffActions)[number];

export const organizationAuditActions = organizationActions;

export const auditActions = [...accountActions, ...organizationActions, ...staffActions] as const;

export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}
