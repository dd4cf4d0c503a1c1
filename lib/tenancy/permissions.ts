import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Who may do what inside an organization: the one place roles meet permissions. Server
 * actions and route handlers ask `can(role, permission)` through the tenant wrappers; the
 * UI asks the same function only to hide what would be refused anyway.
 *
 * To add a permission: add it to `permissions`, give it to the roles below, and guard the
 * action with it. The role tests in tests/unit/permissions.test.ts list every pair.
 */
export const permissions = [
  "projects:read",
  "projects:write",
  "members:read",
  "members:invite",
  "members:remove",
  "roles:change",
  "org:update",
  "org:delete",
  "org:transfer",
  "billing:manage",
  "audit:read",
] as const;

export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  OWNER: permissions,
  ADMIN: [
    "projects:read",
    "projects:write",
    "members:read",
    "members:invite",
    "members:remove",
    "roles:change",
    "org:update",
    "audit:read",
  ],
  MEMBER: ["projects:read", "projects:write", "members:read"],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

/** Roles in order of power, for rules like "an admin cannot change an owner". */
export const roleRank: Record<Role, number> = { MEMBER: 1, ADMIN: 2, OWNER: 3 };

/**
 * Whether `actor` may give `target` the role `next`. Only owners create or demote owners;
 * admins manage members and admins below the owner; nobody changes their own role here
 * (leaving and ownership transfer are their own actions).
 */
export function canAssignRole(
  actor: { id: string; role: Role },
  target: { id: string; role: Role },
  next: Role,
): boolean {
  if (actor.id === target.id) return false;
  if (!can(actor.role, "roles:change")) return false;
  if (actor.role === "OWNER") return true;
  return roleRank[target.role] < roleRank.OWNER && roleRank[next] < roleRank.OWNER;
}
