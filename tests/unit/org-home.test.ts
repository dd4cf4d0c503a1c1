import { describe, expect, it } from "vitest";
import { visibleActivityActions } from "@/lib/org-home/activity";
import { planStatusText, trialDaysLeft } from "@/lib/org-home/plan-status";

describe("recent activity on the home page", () => {
  it("shows owners and admins everything, members only projects and arrivals", () => {
    expect(visibleActivityActions("OWNER")).toBeNull();
    expect(visibleActivityActions("ADMIN")).toBeNull();
    const member = visibleActivityActions("MEMBER");
    expect(member).toContain("project.created");
    expect(member).toContain("member.joined");
    for (const hidden of ["member.invited", "member.role_changed", "api.key_created"] as const) {
      expect(member).not.toContain(hidden);
    }
    expect(member?.some((action) => action.startsWith("billing."))).toBe(false);
  });
});

describe("a trial's days left", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  it("rounds up, ends at zero, and is null without an end", () => {
    expect(trialDaysLeft(new Date("2026-12-15T12:00:00Z"), now)).toBe(14);
    expect(trialDaysLeft(new Date("2026-12-01T13:00:00Z"), now)).toBe(1);
    expect(trialDaysLeft(new Date("2026-11-30T12:00:00Z"), now)).toBe(0);
    expect(trialDaysLeft(null, now)).toBeNull();
  });

  it("reads as words", () => {
    expect(planStatusText("TRIALING", 14)).toBe("Trial, 14 days left");
    expect(planStatusText("TRIALING", 1)).toBe("Trial, 1 day left");
    expect(planStatusText("TRIALING", 0)).toBe("Trial ends today");
    expect(planStatusText("ACTIVE", null)).toBe("Active");
    expect(planStatusText("FREE", null)).toBe("Free");
  });
});
