import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeTenantDatabasePools } from "@/lib/db/tenant-databases/pools";
import { adminDatabase } from "../../support/admin-db";
import { modeSwitches, runOperation, type Mode } from "./matrix";
import { operations } from "./operations";
import { dropDedicatedDatabase } from "./world";

/** Declares the whole matrix for one mode; each mode's test file calls it once. */
export function isolationSuite(mode: Mode) {
  const admin = adminDatabase();
  const switches = modeSwitches(mode, admin);

  beforeAll(() => {
    // Denied calls are expected here; the chain logs nothing for them, but handlers of
    // allowed calls may log deliveries.
    vi.spyOn(console, "info").mockImplementation(() => undefined);
    switches.on();
  });
  afterAll(async () => {
    switches.off();
    await closeTenantDatabasePools();
    await dropDedicatedDatabase();
    await admin.$disconnect();
  });

  describe(`isolation matrix, ${mode}`, () => {
    for (const op of operations) {
      it(`${op.name} (${op.kind}, ${op.permission})`, async () => {
        const cases = await runOperation(admin, op);
        expect(cases).toBeGreaterThanOrEqual(8);
      }, 120_000);
    }
  });
}
