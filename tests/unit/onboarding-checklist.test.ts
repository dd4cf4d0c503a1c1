import { describe, expect, it } from "vitest";
import { buildChecklist, type ChecklistFacts } from "@/lib/onboarding/checklist";
import { SAMPLE_PROJECTS, samplesWithin } from "@/lib/onboarding/samples";

const fresh: ChecklistFacts = {
  projects: 0,
  members: 1,
  pendingInvitations: 0,
  hasPaidPlan: false,
  twoFactorEnabled: false,
};
const owner = { role: "OWNER" as const, dismissedAt: null };

const doneIds = (facts: ChecklistFacts) =>
  buildChecklist(facts, owner)
    .items.filter((item) => item.done)
    .map((item) => item.id);

describe("the getting-started checklist", () => {
  it("starts with nothing done, in the order a team goes", () => {
    const checklist = buildChecklist(fresh, owner);
    expect(checklist.items.map((item) => [item.label, item.done])).toEqual([
      ["Create a project", false],
      ["Invite a teammate", false],
      ["Choose a plan", false],
      ["Turn on two-factor authentication", false],
    ]);
    expect(checklist).toMatchObject({ completed: 0, visible: true, canDismiss: true });
  });

  it("ticks each item from its own fact only", () => {
    expect(doneIds({ ...fresh, projects: 1 })).toEqual(["project"]);
    expect(doneIds({ ...fresh, members: 2 })).toEqual(["teammate"]);
    expect(doneIds({ ...fresh, pendingInvitations: 1 })).toEqual(["teammate"]);
    expect(doneIds({ ...fresh, hasPaidPlan: true })).toEqual(["plan"]);
    expect(doneIds({ ...fresh, twoFactorEnabled: true })).toEqual(["two-factor"]);
  });

  it("disappears when complete, and when dismissed", () => {
    const complete = {
      projects: 3,
      members: 2,
      pendingInvitations: 0,
      hasPaidPlan: true,
      twoFactorEnabled: true,
    };
    expect(buildChecklist(complete, owner)).toMatchObject({ completed: 4, visible: false });
    expect(buildChecklist(fresh, { role: "OWNER", dismissedAt: new Date() }).visible).toBe(false);
  });

  it("links each item to where it is done, for the roles that can do it", () => {
    const hrefs = (role: "OWNER" | "ADMIN" | "MEMBER") =>
      Object.fromEntries(
        buildChecklist(fresh, { role, dismissedAt: null }).items.map((i) => [i.id, i.href]),
      );
    expect(hrefs("OWNER")).toEqual({
      project: "/projects/new",
      teammate: "/members",
      plan: "/settings/billing",
      "two-factor": "/account#two-factor",
    });
    expect(hrefs("ADMIN")).toMatchObject({ teammate: "/members", plan: null });
    expect(hrefs("MEMBER")).toMatchObject({
      project: "/projects/new",
      teammate: null,
      plan: null,
      "two-factor": "/account#two-factor",
    });
    const member = buildChecklist(fresh, { role: "MEMBER", dismissedAt: null });
    expect(member.items.find((i) => i.id === "plan")?.hint).toBe("The owner chooses the plan.");
  });

  it("lets owners and admins dismiss it, not members", () => {
    expect(buildChecklist(fresh, { role: "ADMIN", dismissedAt: null }).canDismiss).toBe(true);
    expect(buildChecklist(fresh, { role: "MEMBER", dismissedAt: null }).canDismiss).toBe(false);
  });
});

describe("how many sample projects a new organization gets", () => {
  it("all of them without a limit or with room, fewer near a limit, none at it", () => {
    expect(samplesWithin(null, 0)).toHaveLength(SAMPLE_PROJECTS.length);
    expect(samplesWithin(3, 0)).toHaveLength(2);
    expect(samplesWithin(1, 0).map((p) => p.name)).toEqual([SAMPLE_PROJECTS[0].name]);
    expect(samplesWithin(3, 3)).toEqual([]);
    expect(samplesWithin(2, 5)).toEqual([]);
  });
});
