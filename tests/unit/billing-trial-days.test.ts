import { describe, expect, it } from "vitest";
import { describeTrialTimeLeft, trialTimeLeft } from "@/lib/billing/trial/days-left";
import { trialOf } from "@/lib/billing/trial/trial-of";

const hour = 60 * 60 * 1000;
const day = 24 * hour;
const now = new Date("2026-12-01T23:30:00Z");
const label = (msLeft: number) =>
  describeTrialTimeLeft(trialTimeLeft(new Date(now.getTime() + msLeft), now));

describe("days left in a trial", () => {
  it("counts whole days of elapsed time, rounded down", () => {
    expect(label(14 * day)).toBe("14 days left");
    expect(label(14 * day - 1000)).toBe("13 days left");
    expect(label(5 * day + 23 * hour)).toBe("5 days left");
    expect(label(2 * day)).toBe("2 days left");
  });

  it("says 1 day only with at least 24 hours to go", () => {
    expect(label(day)).toBe("1 day left");
    expect(label(day + 23 * hour)).toBe("1 day left");
    expect(label(day - 1000)).toBe("less than a day left");
  });

  it("says less than a day in the last 24 hours, never 0 days", () => {
    expect(label(1000)).toBe("less than a day left");
    expect(label(12 * hour)).toBe("less than a day left");
  });

  it("has ended at the end time and after it", () => {
    expect(trialTimeLeft(now, now)).toEqual({ kind: "ended" });
    expect(trialTimeLeft(new Date(now.getTime() - day), now)).toEqual({ kind: "ended" });
    expect(trialTimeLeft(new Date(Number.NaN), now)).toEqual({ kind: "ended" });
  });

  it("does not depend on the calendar date: 30 minutes before midnight UTC is not a day", () => {
    // 23:30 UTC on the 1st to 00:30 UTC on the 2nd crosses a date line but is one hour.
    expect(trialTimeLeft(new Date("2026-12-02T00:30:00Z"), now)).toEqual({
      kind: "less-than-a-day",
    });
    // A UTC+14 midnight is the same instant, whatever zone the server runs in.
    expect(trialTimeLeft(new Date("2026-12-08T00:00:00+14:00"), now)).toEqual({
      kind: "days",
      days: 5,
    });
  });
});

describe("the trial an organization is in", () => {
  const trialEndsAt = new Date(now.getTime() + 3 * day);

  it("is the plan being tried while trialing", () => {
    const trial = trialOf(
      { plan: "pro", status: "TRIALING", pastDueSince: null, trialEndsAt },
      now,
    );
    expect(trial?.plan.name).toBe("Pro");
    expect(trial?.left).toEqual({ kind: "days", days: 3 });
  });

  it("is nothing once active, without an end date, or after the end", () => {
    expect(trialOf({ plan: "pro", status: "ACTIVE", pastDueSince: null, trialEndsAt }, now)).toBe(
      null,
    );
    expect(trialOf({ plan: "pro", status: "TRIALING", pastDueSince: null }, now)).toBeNull();
    const ended = new Date(now.getTime() - 1);
    expect(
      trialOf({ plan: "pro", status: "TRIALING", pastDueSince: null, trialEndsAt: ended }, now),
    ).toBeNull();
  });
});
