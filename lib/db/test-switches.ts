import { env } from "@/lib/env";

// Only the isolation suite turns a wall off; outside the test runner the setter refuses.
export type TestSwitches = {
  bypassRowSecurity: boolean;
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
