import { describe, expect, it } from "vitest";
import { can, canAssignRole, permissions, type Permission } from "@/lib/tenancy/permissions";

// The whole matrix, spelled out: a change to who may do what must change this table too.
const expected: Record<Permission, { OWNER: boolean; ADMIN: boolean; MEMBER: boolean }> = {
  "projects:read": { OWNER: true, ADMIN: true, MEMBER: true },
  "projects:write": { OWNER: true, ADMIN: true, MEMBER: true },
  "members:read": { OWNER: true, ADMIN: true, MEMBER: true },
  "members:invite": { OWNER: true, ADMIN: true, MEMBER: false },
  "members:remove": { OWNER: true, ADMIN: true, MEMBER: false },
  "roles:change": { OWNER: true, ADMIN: true, MEMBER: false },
  "org:update": { OWNER: true, ADMIN: true, MEMBER: false },
  "org:delete": { OWNER: true, ADMIN: false, MEMBER: false },
  "org:transfer": { OWNER: true, ADMIN: false, MEMBER: false },
  "billing:manage": { OWNER: true, ADMIN: false, MEMBER: false },
  "audit:read": { OWNER: true, ADMIN: true, MEMBER: false },
};

describe("the permission matrix", () => {
  it("covers every permission", () => {
    expect(Object.keys(expected).sort()).toEqual([...permissions].sort());
  });

  for (const permission of permissions) {
    for (const role of ["OWNER", "ADMIN", "MEMBER"] as const) {
      it(`${role} ${expected[permission][role] ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(expected[permission][role]);
      });
    }
  }
});

describe("assigning roles", () => {
  const owner = { id: "o", role: "OWNER" as const };
  const admin = { id: "a", role: "ADMIN" as const };
  const member = { id: "m", role: "MEMBER" as const };

  it("lets owners make and unmake owners", () => {
    expect(canAssignRole(owner, member, "OWNER")).toBe(true);
    expect(canAssignRole(owner, { id: "o2", role: "OWNER" }, "MEMBER")).toBe(true);
  });

  it("keeps admins below the owners", () => {
    expect(canAssignRole(admin, member, "ADMIN")).toBe(true);
    expect(canAssignRole(admin, member, "OWNER")).toBe(false);
    expect(canAssignRole(admin, owner, "MEMBER")).toBe(false);
  });

  it("refuses members and self-changes", () => {
    expect(canAssignRole(member, { id: "m2", role: "MEMBER" }, "ADMIN")).toBe(false);
    expect(canAssignRole(owner, owner, "MEMBER")).toBe(false);
  });
});
