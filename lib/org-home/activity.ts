import type { organizationAuditActions } from "@/lib/audit/actions";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/tenancy/permissions";

type OrganizationAuditAction = (typeof organizationAuditActions)[number];

// Without audit:read a member sees only what other permissions already show; invitees' addresses,
// roles, API keys and billing stay in the audit log.
const openActivity: readonly OrganizationAuditAction[] = [
  "project.created",
  "project.updated",
  "project.deleted",
  "member.joined",
  "member.left",
];

export function visibleActivityActions(role: Role): readonly OrganizationAuditAction[] | null {
  return can(role, "audit:read") ? null : openActivity;
}
