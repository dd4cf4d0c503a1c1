import { env } from "@/lib/env";

/**
 * Walls the isolation suite (tests/integration/isolation*) switches off one at a time, to
 * prove each one holds alone. Only that suite calls the setter; outside the test runner it
 * refuses, so nothing in production, configuration included, can turn a wall off.
 */
export type TestSwitches = {
  /** Scoped transactions keep the login role (a superuser in tests): no row-level security. */
  bypassRowSecurity: boolean;
  /** `inOrganization` adds no condition: only row-level security keeps tenants apart. */
  dropTenantFilter: boolean;
};

const off: TestSwitches = { bypassRowSecurity: false, dropTenantFilter: false };
let current: TestSwitches = off;

export function setTestSwitches(next: Partial<TestSwitches>): void {
  if (env.NODE_ENV !== "test") throw new Error("Test switches exist only in tests");
  current = { ...current, ...next };
}

export function testSwitches(): TestSwitches {
  return current;
}
