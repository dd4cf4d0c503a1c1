import { describe, expect, it } from "vitest";
import { effectivePlan, isReadOnly, readOnlyFrom } from "@/lib/billing/plans/entitlements";

const day = 24 * 60 * 60 * 1000;

describe("entitlement rules", () => {
  it("a paid plan applies while trialing, active or past due", () => {
    for (const status of ["TRIALING", "ACTIVE", "PAST_DUE"] as const) {
      expect(effectivePlan({ plan: "business", status, pastDueSince: null }).id).toBe("business");
    }
  });

  it("Free limits apply once canceled, unpaid or never paid", () => {
    for (const status of ["CANCELED", "UNPAID", "INCOMPLETE", "FREE"] as const) {
      expect(effectivePlan({ plan: "business", status, pastDueSince: null }).id).toBe("free");
    }
  });

  it("read-only starts when the grace period after the first failure ends", () => {
    const since = new Date("2026-11-01T00:00:00Z");
    const snapshot = { plan: "pro", status: "PAST_DUE" as const, pastDueSince: since };
    expect(readOnlyFrom(snapshot, 7)).toEqual(new Date(since.getTime() + 7 * day));
    expect(isReadOnly(snapshot, new Date(since.getTime() + 7 * day - 1000))).toBe(false);
    expect(isReadOnly(snapshot, new Date(since.getTime() + 7 * day))).toBe(true);
  });

  it("nothing is read-only while payments are fine", () => {
    const snapshot = { plan: "pro", status: "ACTIVE" as const, pastDueSince: null };
    expect(readOnlyFrom(snapshot)).toBeNull();
    expect(isReadOnly(snapshot)).toBe(false);
  });
});
