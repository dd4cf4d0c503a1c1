import { describe, expect, it } from "vitest";
import type { RevenueEvent } from "@/lib/metrics/events";
import { netMovement } from "@/lib/metrics/facts";
import { monthFactsFromEvents } from "@/lib/metrics/from-events";
import { reportingMonths } from "@/lib/metrics/months";
import { demoHistory } from "@/prisma/seed-demo-history";

/** The demo history `npm run db:seed -- --demo-history` loads: fixed, varied, in the past. */

const now = new Date("2026-11-30T12:00:00Z");
const history = demoHistory({ organizations: 500, months: 24, now });

describe("the demo billing history", () => {
  it("is the same on every run, with fixed ids", () => {
    expect(demoHistory({ organizations: 500, months: 24, now })).toEqual(history);
    expect(history.organizations[0]?.id).toBe("demo_org_00000");
    expect(history.organizations).toHaveLength(500);
  });

  it("has trials, yearly plans, seat and plan changes, churn, comps and spend, all before now", () => {
    const types = new Set(history.events.map((e) => e.type));
    for (const type of [
      "subscription.seats_changed",
      "subscription.plan_changed",
      "subscription.canceled",
      "comp.granted",
    ]) {
      expect(types).toContain(type);
    }
    expect(history.events.some((e) => e.toStatus === "TRIALING")).toBe(true);
    expect(history.events.some((e) => e.interval === "year")).toBe(true);
    expect(history.events.every((e) => new Date(e.occurredAt) < now)).toBe(true);
    expect(history.spend).toHaveLength(24);
  });

  it("grows: more MRR at the end than a year earlier, movements adding up every month", () => {
    const events = history.events.map((e) => ({
      ...e,
      occurredAt: new Date(e.occurredAt),
    })) as RevenueEvent[];
    const months = reportingMonths(now).map((month) => monthFactsFromEvents(events, month, now));
    for (const facts of months) expect(netMovement(facts)).toBe(facts.mrr - facts.startMrr);
    expect(months.at(-1)!.mrr).toBeGreaterThan(months.at(-13)!.mrr);
    expect(months.at(-2)!.customers.paying).toBeGreaterThan(100);
  });
});
