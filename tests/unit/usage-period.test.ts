import { describe, expect, it } from "vitest";
import {
  bucketStart,
  closedBefore,
  overageUnits,
  reachedThresholds,
  usagePeriod,
} from "@/lib/usage/period";
import { countOf, fieldOf } from "@/lib/usage/store";

describe("usage periods and overage", () => {
  it("rounds overage up per started 1,000 calls beyond the included amount", () => {
    expect(overageUnits(12_345, 10_000)).toBe(3);
    expect(overageUnits(10_000, 10_000)).toBe(0);
    expect(overageUnits(10_001, 10_000)).toBe(1);
    expect(overageUnits(5, 10_000)).toBe(0);
  });

  it("reaches 80 % and 100 % thresholds, and none on a plan that includes nothing", () => {
    expect(reachedThresholds(7_999, 10_000)).toEqual([]);
    expect(reachedThresholds(8_000, 10_000)).toEqual([80]);
    expect(reachedThresholds(10_000, 10_000)).toEqual([80, 100]);
    expect(reachedThresholds(50, 0)).toEqual([]);
  });

  it("uses calendar months in UTC and closes a minute one minute after it ends", () => {
    expect(usagePeriod(new Date("2026-11-30T23:59:59Z"))).toEqual({
      key: "2026-11",
      start: new Date("2026-11-01T00:00:00Z"),
      end: new Date("2026-12-01T00:00:00Z"),
    });
    const now = new Date("2026-11-30T12:02:30Z");
    expect(bucketStart(now)).toBe(Date.parse("2026-11-30T12:02:00Z"));
    expect(closedBefore(now)).toBe(Date.parse("2026-11-30T12:01:00Z"));
  });

  it("reads back only well-formed counters", () => {
    expect(countOf(fieldOf("org1", "key1"), 3)).toEqual({
      organizationId: "org1",
      apiKeyId: "key1",
      count: 3,
    });
    expect(countOf("org1 key1 extra", 3)).toBeNull();
    expect(countOf("org1", 3)).toBeNull();
    expect(countOf(fieldOf("org1", "key1"), Number.NaN)).toBeNull();
  });
});
