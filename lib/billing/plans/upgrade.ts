import { flags } from "./flags";
import { planIds, plans, type Feature, type Plan } from "./plans";

// Built from the catalog, so the message follows it when plans change.

export type PlanNeed =
  { kind: "projects" } | { kind: "seats" } | { kind: "feature"; feature: Feature };

export type LimitMessage = {
  message: string;
  upgradeTo: Plan | null;
};

const rank = (plan: Plan) => planIds.indexOf(plan.id);

function gives(plan: Plan, need: PlanNeed, current: Plan): boolean {
  const limits = plan.entitlements;
  switch (need.kind) {
    case "projects":
      return (
        limits.projects === null ||
        (current.entitlements.projects !== null && limits.projects > current.entitlements.projects)
      );
    case "seats":
      return limits.seats > current.entitlements.seats;
    case "feature":
      return limits[need.feature];
  }
}

// Catalog defaults only: a staff override belongs to one organization.
export function nextPlanFor(current: Plan, need: PlanNeed): Plan | null {
  return (
    planIds
      .map((id) => plans[id])
      .filter((plan) => plan.prices !== null && rank(plan) > rank(current))
      .find((plan) => gives(plan, need, current)) ?? null
  );
}

const count = (n: number | null, noun: string) =>
  n === null ? `unlimited ${noun}s` : `${n} ${noun}${n === 1 ? "" : "s"}`;

export function limitMessage(current: Plan, need: PlanNeed): LimitMessage {
  const next = nextPlanFor(current, need);
  const limits = current.entitlements;
  switch (need.kind) {
    case "projects":
      return {
        upgradeTo: next,
        message:
          `Your ${current.name} plan includes ${count(limits.projects, "project")}.` +
          (next ? ` ${next.name} includes ${count(next.entitlements.projects, "project")}.` : ""),
      };
    case "seats":
      return {
        upgradeTo: next,
        message:
          `Your ${current.name} plan includes ${count(limits.seats, "member")}, pending invitations included.` +
          (next
            ? ` ${next.name} includes ${count(next.entitlements.seats, "member")}.`
            : " Remove a member or revoke an invitation to make room."),
      };
    case "feature":
      return {
        upgradeTo: next,
        message:
          `${flags[need.feature].label} is not included in your ${current.name} plan.` +
          (next ? ` ${next.name} includes it.` : ""),
      };
  }
}
