import { describe, expect, it } from "vitest";
import {
  assignableRoles,
  canLeave,
  canRemoveMember,
  invitableRoles,
  roleChoices,
} from "@/lib/members/rules";

const owner = { id: "owner", role: "OWNER" } as const;
const admin = { id: "admin", role: "ADMIN" } as const;
const member = { id: "member", role: "MEMBER" } as const;

describe("who may remove whom", () => {
  it("lets owners remove anyone else, admins remove admins and members, members nobody", () => {
    expect(canRemoveMember(owner, { id: "o2", role: "OWNER" })).toBe(true);
    expect(canRemoveMember(owner, admin)).toBe(true);
    expect(canRemoveMember(owner, member)).toBe(true);
    expect(canRemoveMember(admin, owner)).toBe(false);
    expect(canRemoveMember(admin, { id: "a2", role: "ADMIN" })).toBe(true);
    expect(canRemoveMember(admin, member)).toBe(true);
    expect(canRemoveMember(member, { id: "m2", role: "MEMBER" })).toBe(false);
  });

  it("never offers removing yourself: leaving is its own action", () => {
    expect(canRemoveMember(owner, owner)).toBe(false);
    expect(canRemoveMember(admin, admin)).toBe(false);
  });
});

describe("role choices", () => {
  it("lets only owners invite owners", () => {
    expect(invitableRoles("OWNER")).toEqual(["MEMBER", "ADMIN", "OWNER"]);
    expect(invitableRoles("ADMIN")).toEqual(["MEMBER", "ADMIN"]);
  });

  it("offers the roles the server would accept, without the current one", () => {
    expect(assignableRoles(owner, member)).toEqual(["ADMIN", "OWNER"]);
    expect(assignableRoles(admin, member)).toEqual(["ADMIN"]);
    expect(assignableRoles(admin, owner)).toEqual([]);
    expect(assignableRoles(member, { id: "m2", role: "MEMBER" })).toEqual([]);
    expect(assignableRoles(owner, owner)).toEqual([]);
  });
});

describe("the role control", () => {
  it("lists the current role among the choices, in rank order", () => {
    expect(roleChoices(owner, member)).toEqual(["MEMBER", "ADMIN", "OWNER"]);
    expect(roleChoices(owner, admin)).toEqual(["MEMBER", "ADMIN", "OWNER"]);
    expect(roleChoices(admin, member)).toEqual(["MEMBER", "ADMIN"]);
    expect(roleChoices(admin, { id: "a2", role: "ADMIN" })).toEqual(["MEMBER", "ADMIN"]);
  });

  it("shows no control where nothing can change", () => {
    expect(roleChoices(admin, owner)).toEqual([]);
    expect(roleChoices(member, { id: "m2", role: "MEMBER" })).toEqual([]);
    expect(roleChoices(owner, owner)).toEqual([]);
  });
});

describe("who may leave", () => {
  it("never offers leaving to the only owner", () => {
    expect(canLeave("OWNER", 1)).toBe(false);
    expect(canLeave("OWNER", 2)).toBe(true);
    expect(canLeave("ADMIN", 1)).toBe(true);
    expect(canLeave("MEMBER", 1)).toBe(true);
  });
});
