import { billingIntervals, plans, type BillingInterval, type PlanId } from "./plans";

/** A paid plan picked on the pricing page, carried through sign-up to checkout. */
export type PlanChoice = { plan: Exclude<PlanId, "free">; interval: BillingInterval };

export function parsePlanChoice(input: { plan?: unknown; interval?: unknown }): PlanChoice | null {
  const { plan, interval } = input;
  if (typeof plan !== "string" || !Object.hasOwn(plans, plan) || plan === "free") return null;
  if (plans[plan as PlanId].prices === null) return null;
  const chosen: BillingInterval =
    typeof interval === "string" && (billingIntervals as readonly string[]).includes(interval)
      ? (interval as BillingInterval)
      : "month";
  return { plan: plan as PlanChoice["plan"], interval: chosen };
}

export function planChoiceQuery(choice: PlanChoice): string {
  return new URLSearchParams({ plan: choice.plan, interval: choice.interval }).toString();
}

export function serializePlanChoice(choice: PlanChoice): string {
  return `${choice.plan}:${choice.interval}`;
}

export function deserializePlanChoice(value: string | undefined): PlanChoice | null {
  if (!value) return null;
  const [plan, interval] = value.split(":");
  return parsePlanChoice({ plan, interval });
}
