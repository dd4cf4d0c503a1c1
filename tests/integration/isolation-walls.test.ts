import { afterAll, describe, expect, it, vi } from "vitest";
import { setTestSwitches } from "@/lib/db/test-switches";
import { adminDatabase } from "../support/admin-db";
import { modeSwitches, runOperation } from "./isolation/matrix";
import { operations } from "./isolation/operations";
import { keepBothOrganizationsPooled } from "./isolation/world";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).isolationHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * The matrix must notice a missing wall. With one wall switched off for the run, take
 * away the other one as a careless change would, and the matrix has to fail: a policy
 * that lets everything through (row-level security only), or both walls off at once.
 */

keepBothOrganizationsPooled();
const admin = adminDatabase();
const projectGet = operations.find((op) => op.name === "project.get")!;

afterAll(async () => {
  await admin.$disconnect();
});

describe("each wall is what holds", () => {
  it("with the data layer's filter off, a permissive Project policy fails the matrix", async () => {
    const switches = modeSwitches("row-level security only", admin);
    await admin.$executeRawUnsafe(`DROP POLICY tenant_isolation ON "Project"`);
    await admin.$executeRawUnsafe(
      `CREATE POLICY tenant_isolation ON "Project" USING (true) WITH CHECK (true)`,
    );
    switches.on();
    try {
      await expect(runOperation(admin, projectGet)).rejects.toThrow(/should be denied/);
    } finally {
      switches.off();
      await admin.$executeRawUnsafe(`DROP POLICY tenant_isolation ON "Project"`);
      await admin.$executeRawUnsafe(
        `CREATE POLICY tenant_isolation ON "Project"
           USING ("organizationId" = current_setting('app.org_id', true))
           WITH CHECK ("organizationId" = current_setting('app.org_id', true))`,
      );
    }
    // Restored: the same run passes again.
    switches.on();
    try {
      expect(await runOperation(admin, projectGet)).toBeGreaterThan(0);
    } finally {
      switches.off();
    }
  }, 60_000);

  it("with row-level security bypassed, dropping the filter fails the matrix", async () => {
    const switches = modeSwitches("app checks only", admin);
    switches.on();
    setTestSwitches({ dropTenantFilter: true });
    try {
      await expect(runOperation(admin, projectGet)).rejects.toThrow(/should be denied/);
    } finally {
      switches.off();
    }
  }, 60_000);
});
