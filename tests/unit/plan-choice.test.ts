import { describe, expect, it } from "vitest";
import {
  deserializePlanChoice,
  parsePlanChoice,
  planChoiceQuery,
  serializePlanChoice,
} from "@/lib/billing/plans/plan-choice";

describe("a plan picked on the pricing page", () => {
  it("keeps a paid plan of the catalog and its interval", () => {
    expect(parsePlanChoice({ plan: "pro", interval: "year" })).toEqual({
      plan: "pro",
      interval: "year",
    });
    expect(parsePlanChoice({ plan: "business" })).toEqual({ plan: "business", interval: "month" });
    expect(planChoiceQuery({ plan: "pro", interval: "year" })).toBe("plan=pro&interval=year");
  });

  it.each([
    { plan: "free", interval: "month" },
    { plan: "enterprise", interval: "month" },
    { plan: "__proto__", interval: "month" },
    { plan: "toString" },
    { plan: ["pro"], interval: "year" },
    { plan: undefined },
  ])("is no choice for %j", (input) => {
    expect(parsePlanChoice(input)).toBeNull();
  });

  it("falls back to monthly for an unknown interval", () => {
    expect(parsePlanChoice({ plan: "pro", interval: "week" })?.interval).toBe("month");
  });

  it("survives its cookie, and a tampered cookie is no choice", () => {
    const choice = { plan: "pro", interval: "year" } as const;
    expect(deserializePlanChoice(serializePlanChoice(choice))).toEqual(choice);
    expect(deserializePlanChoice("root:year")).toBeNull();
    expect(deserializePlanChoice(undefined)).toBeNull();
  });
});
