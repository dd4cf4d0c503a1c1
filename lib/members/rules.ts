import type { Role } from "@/lib/generated/prisma/enums";
import { can, canAssignRole, roleRank } from "@/lib/tenancy/permissions";

type Person = { id: string; role: Role };

/**
 * Whether `actor` may remove `target`: the rule `removeMember` enforces, so the members
 * page offers "Remove" only where the server would allow it. Leaving is its own action.
 */
export function canRemoveMember(actor: Person, target: Person): boolean {
  return (
    actor.id !== target.id &&
    can(actor.role, "members:remove") &&
    roleRank[target.role] <= roleRank[actor.role]
  );
}

/** The roles `actor` may invite people with; only owners make owners. */
export function invitableRoles(actor: Role): Role[] {
  return (["MEMBER", "ADMIN", "OWNER"] as const).filter(
    (role) => role !== "OWNER" || actor === "OWNER",
  );
}

/** The roles `actor` may change `target` to, their current one left out. */
export function assignableRoles(actor: Person, target: Person): Role[] {
  return invitableRoles(actor.role).filter(
    (role) => role !== target.role && canAssignRole(actor, target, role),
  );
}

/**
 * What the role control lists for `target`: their current role (shown selected) and the
 * roles `actor` may change it to, in rank order. Empty when there is nothing to change.
 */
export function roleChoices(actor: Person, target: Person): Role[] {
  const assignable = assignableRoles(actor, target);
  if (assignable.length === 0) return [];
  return (["MEMBER", "ADMIN", "OWNER"] as const).filter(
    (role) => role === target.role || assignable.includes(role),
  );
}

/** Whether someone with `role` may leave: never the only owner (as `leaveOrganization` enforces). */
export function canLeave(role: Role, ownerCount: number): boolean {
  return role !== "OWNER" || ownerCount > 1;
}
