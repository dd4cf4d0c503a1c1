import { describe, expect, it } from "vitest";
import { deriveMetrics } from "@/lib/metrics/derive";
import type { RevenueEvent } from "@/lib/metrics/events";
import { netMovement } from "@/lib/metrics/facts";
import { monthFactsFromEvents } from "@/lib/metrics/from-events";
import { fixtureGrossMargin, metricsFixture } from "../support/metrics-fixture";

/**
 * The hand-computed fixture (tests/support/metrics-fixture.ts) through the pure engine: every
 * metric of every month, exactly. tests/integration/metrics-reader.test.ts checks the same
 * numbers through the SQL reader on PostgreSQL.
 */

const now = new Date("2026-11-30T23:00:00Z");
const fixture = metricsFixture({ organizationPrefix: "fx", now });
const events: RevenueEvent[] = fixture.events;

describe("the metrics fixture through the engine", () => {
  it("covers M1..M6 ending last month", () => {
    expect(fixture.monthKeys).toEqual([
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
    ]);
  });

  fixture.months.forEach((month, index) => {
    const key = fixture.monthKeys[index]!;
    it(`M${index + 1} (${key}) has every metric written out by hand`, () => {
      const facts = monthFactsFromEvents(events, month, now);
      const metrics = deriveMetrics(facts, {
        spend: fixture.spend[index]!.amount,
        grossMargin: fixtureGrossMargin,
      });
      expect(metrics).toEqual({ version: 1, month: key, ...fixture.expected[index] });
      expect(netMovement(facts)).toBe(facts.mrr - facts.startMrr);
    });
  });

  it("ignores invoice and refund rows, and comps never change the paid state", () => {
    const onlyState = events.filter((event) => event.toStatus !== null && !event.complimentary);
    for (const month of fixture.months) {
      const all = monthFactsFromEvents(events, month, now);
      const stateOnly = monthFactsFromEvents(onlyState, month, now);
      expect({ ...stateOnly, complimentary: all.complimentary }).toEqual(all);
    }
  });

  it("counts the month in progress up to now", () => {
    const midMonth = new Date(fixture.months[5]!.getTime() + 5 * 86_400_000);
    const facts = monthFactsFromEvents(events, fixture.months[5]!, midMonth);
    // L and M joined on day 3; K leaves on day 12, after "now".
    expect(facts.mrr).toBe(26800 + 3000 + 2400);
    expect(facts.movements).toMatchObject({ new: 5400, churned: 0 });
  });
});
