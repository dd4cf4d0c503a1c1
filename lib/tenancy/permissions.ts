import type { Role } from "@/lib/generated/prisma/enums";

// The UI asks `can` only to hide what the server would refuse anyway.
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

export const roleNames: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member" };

export const roleRank: Record<Role, number> = { MEMBER: 1, ADMIN: 2, OWNER: 3 };

// Only owners make or demote owners; no one changes their own role (leave or transfer instead).
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
