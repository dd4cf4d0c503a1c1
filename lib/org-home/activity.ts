import type { organizationAuditActions } from "@/lib/audit/actions";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/tenancy/permissions";

type OrganizationAuditAction = (typeof organizationAuditActions)[number];

// Without the audit log permission a member sees only what their other permissions already
// show them: projects, and who is in the team. Invitations (invitees' addresses), roles,
// API keys and billing stay in the audit log.
const openActivity: readonly OrganizationAuditAction[] = [
  "project.created",
  "project.updated",
  "project.deleted",
  "member.joined",
  "member.left",
];

/** The audit actions a role may see on the home page; null means all of them. */
export function visibleActivityActions(role: Role): readonly OrganizationAuditAction[] | null {
  return can(role, "audit:read") ? null : openActivity;
}
