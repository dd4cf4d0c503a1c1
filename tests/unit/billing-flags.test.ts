import { describe, expect, it } from "vitest";
import {
  complimentaryPlan,
  effectivePlan,
  flagStates,
  type BillingSnapshot,
} from "@/lib/billing/plans/entitlements";
import { flagNames, flags } from "@/lib/billing/plans/flags";
import { planIds, plans } from "@/lib/billing/plans/plans";

const now = new Date("2026-12-01T00:00:00Z");
const later = new Date("2026-12-31T00:00:00Z");
const earlier = new Date("2026-11-01T00:00:00Z");

const snapshot = (extra: Partial<BillingSnapshot> = {}): BillingSnapshot => ({
  plan: "pro",
  status: "ACTIVE",
  pastDueSince: null,
  ...extra,
});

describe("feature flags and entitlements", () => {
  it("every flag has a label, a description and a default for every plan, which the plans carry", () => {
    for (const flag of flagNames) {
      expect(flags[flag].label.length).toBeGreaterThan(0);
      expect(flags[flag].description.length).toBeGreaterThan(0);
      for (const plan of planIds) {
        expect(plans[plan].entitlements[flag]).toBe(flags[flag].defaults[plan]);
      }
    }
  });

  it("an active comp gives the better plan; an expired or worse one gives nothing", () => {
    const comped = snapshot({
      plan: "free",
      status: "FREE",
      comp: { plan: "business", endsAt: later },
    });
    expect(effectivePlan(comped, now).id).toBe("business");
    expect(complimentaryPlan(comped, now)).toEqual({ plan: plans.business, endsAt: later });
    const expired = { ...comped, comp: { plan: "business", endsAt: earlier } };
    expect(effectivePlan(expired, now).id).toBe("free");
    expect(complimentaryPlan(expired, now)).toBeNull();
    const worse = snapshot({ plan: "business", comp: { plan: "pro", endsAt: later } });
    expect(effectivePlan(worse, now).id).toBe("business");
    expect(complimentaryPlan(worse, now)).toBeNull();
  });

  it("staff limits replace the plan's, and live overrides replace a flag's default", () => {
    const plan = effectivePlan(
      snapshot({
        seatLimit: 40,
        projectLimit: null,
        flagOverrides: [
          { flag: "auditExport", enabled: true, expiresAt: later },
          { flag: "api", enabled: false, expiresAt: earlier },
          { flag: "removed-flag", enabled: true, expiresAt: null },
        ],
      }),
      now,
    );
    expect(plan.entitlements).toEqual({ seats: 40, projects: 100, api: true, auditExport: true });
    expect(plan).not.toHaveProperty("entitlements.removed-flag");
  });

  it("lists each flag with its plan default, live override and value in effect", () => {
    const states = flagStates(
      snapshot({ flagOverrides: [{ flag: "api", enabled: false, expiresAt: null }] }),
      now,
    );
    expect(
      states.map(({ flag, planDefault, override, enabled }) => ({
        flag,
        planDefault,
        override,
        enabled,
      })),
    ).toEqual([
      {
        flag: "api",
        planDefault: true,
        override: { enabled: false, expiresAt: null },
        enabled: false,
      },
      { flag: "auditExport", planDefault: false, override: null, enabled: false },
    ]);
  });
});
