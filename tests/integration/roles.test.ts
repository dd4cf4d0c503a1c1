import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSession } from "@/lib/auth/session-store";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, permissions, type Permission } from "@/lib/tenancy/permissions";
import { closeTenantDatabasePools } from "@/lib/db/tenant-databases/pools";
import { adminDatabase } from "../support/admin-db";
import { operations } from "./isolation/operations";
import { fakeRequest } from "./isolation/request";
import { createWorld, dropDedicatedDatabase, snapshot, type World } from "./isolation/world";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).isolationHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * A role test for every permission: each operation called directly (the same function a
 * form post or an API request reaches) by an owner, an admin and a member of the
 * organization. Roles without the permission get 403 and change nothing.
 */

// Permissions no operation uses (none today: a new permission needs an operation).
const unused: Permission[] = [];

const admin = adminDatabase();
let world: World;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  world = await createWorld(admin);
  tokens.OWNER = world.users.ownerA.token;
  tokens.MEMBER = world.users.memberA.token;
  const user = await admin.user.create({
    data: { email: `admin-${world.tag}@example.test`, emailVerified: new Date() },
  });
  await admin.membership.create({
    data: { userId: user.id, organizationId: world.orgs.A.id, role: "ADMIN" },
  });
  tokens.ADMIN = (await createSession(admin, { userId: user.id })).token;
});

afterAll(async () => {
  // Organization B of the world lives in a dedicated database of this file's: drop it, and take
  // it out of the registry the other files share.
  await closeTenantDatabasePools();
  await dropDedicatedDatabase();
  await admin.$disconnect();
});

function actAs(role: Role) {
  fakeRequest.cookie = tokens[role];
  fakeRequest.headers = new Headers({
    host: `${world.orgs.A.slug}.localhost:3000`,
    "x-real-ip": "198.51.100.24",
  });
}

describe("every permission is enforced for every role", () => {
  it("has an operation for every permission in use", () => {
    const used = new Set(operations.map((op) => op.permission));
    for (const permission of permissions) {
      expect(used.has(permission), permission).toBe(!unused.includes(permission));
    }
  });

  // Allowed cases of operations that end the organization or the caller's membership
  // would undo the cases after them; the isolation matrix runs those on worlds of their own.
  const lastly = new Set(["organization.delete", "organization.transfer", "member.leave"]);
  // /api/v1 answers to a key's scopes, not to a role (tests/integration/api-v1.test.ts).
  for (const op of operations.filter((o) => !o.bearer)) {
    for (const role of ["MEMBER", "ADMIN", "OWNER"] as const) {
      const allowed = can(role, op.permission);
      if (allowed && lastly.has(op.name)) continue;
      it(`${op.name} (${op.permission}): ${role} is ${allowed ? "allowed" : "refused"}`, async () => {
        const prepared = await op.prepare({ admin, world, org: "A" });
        const before = await snapshot(admin, world);
        actAs(role);
        const outcome = await op.call(prepared.input);
        if (allowed) {
          expect(outcome.ok || [409, 422].includes(outcome.status), `got ${outcome.status}`).toBe(
            true,
          );
        } else {
          expect(outcome.status).toBe(403);
          expect(await snapshot(admin, world)).toBe(before);
        }
      });
    }
  }
});
