import { describe, expect, it } from "vitest";
import { plans, type Plan } from "@/lib/billing/plans/plans";
import { limitMessage, nextPlanFor } from "@/lib/billing/plans/upgrade";

const withLimits = (plan: Plan, limits: Partial<Plan["entitlements"]>): Plan => ({
  ...plan,
  entitlements: { ...plan.entitlements, ...limits },
});

describe("the plan that lifts a limit", () => {
  it("names the next plan with its numbers from the catalog", () => {
    expect(limitMessage(plans.free, { kind: "projects" })).toEqual({
      upgradeTo: plans.pro,
      message: `Your Free plan includes ${plans.free.entitlements.projects} projects. Pro includes ${plans.pro.entitlements.projects} projects.`,
    });
    expect(limitMessage(plans.pro, { kind: "projects" }).message).toBe(
      `Your Pro plan includes ${plans.pro.entitlements.projects} projects. Business includes unlimited projects.`,
    );
    expect(limitMessage(plans.free, { kind: "seats" }).message).toBe(
      `Your Free plan includes ${plans.free.entitlements.seats} members, pending invitations included. Pro includes ${plans.pro.entitlements.seats} members.`,
    );
  });

  it("skips a plan that does not give the missing feature", () => {
    expect(nextPlanFor(plans.free, { kind: "feature", feature: "api" })?.id).toBe("pro");
    // Pro has no audit export; Business does.
    expect(nextPlanFor(plans.free, { kind: "feature", feature: "auditExport" })?.id).toBe(
      "business",
    );
    expect(limitMessage(plans.pro, { kind: "feature", feature: "auditExport" }).message).toBe(
      "Audit log export is not included in your Pro plan. Business includes it.",
    );
  });

  it("offers nothing when no plan in the catalog gives more", () => {
    const top = limitMessage(plans.business, { kind: "seats" });
    expect(top.upgradeTo).toBeNull();
    expect(top.message).toBe(
      `Your Business plan includes ${plans.business.entitlements.seats} members, pending invitations included. Remove a member or revoke an invitation to make room.`,
    );
  });

  it("uses the limit in effect: a staff-raised limit is compared with what the next plan gives", () => {
    const raised = withLimits(plans.free, { projects: 500 });
    expect(limitMessage(raised, { kind: "projects" })).toMatchObject({
      upgradeTo: plans.business,
      message: "Your Free plan includes 500 projects. Business includes unlimited projects.",
    });
    expect(nextPlanFor(withLimits(plans.free, { seats: 1000 }), { kind: "seats" })).toBeNull();
  });

  it("follows the catalog, not fixed text", () => {
    const bigger = withLimits(plans.free, { projects: 1 });
    expect(limitMessage(bigger, { kind: "projects" }).message).toBe(
      `Your Free plan includes 1 project. Pro includes ${plans.pro.entitlements.projects} projects.`,
    );
  });
});
