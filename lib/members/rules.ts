import type { Role } from "@/lib/generated/prisma/enums";
import { can, canAssignRole, roleRank } from "@/lib/tenancy/permissions";

type Person = { id: string; role: Role };

/** The rule `removeMember` enforces, so the page offers "Remove" only where the server allows. */
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

/** The current role (shown selected) and those `actor` may assign, in rank order; [] if none. */
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
