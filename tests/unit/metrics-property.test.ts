import { describe, expect, it } from "vitest";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { mrrOf, type RevenueEvent } from "@/lib/metrics/events";
import { netMovement } from "@/lib/metrics/facts";
import { monthFactsFromEvents } from "@/lib/metrics/from-events";
import { addMonths } from "@/lib/metrics/months";

/**
 * For random event logs (statuses, plans, yearly prices, seat changes, comps, invoice rows,
 * events on month boundaries and at the same instant), each month's movements sum exactly to
 * its change in MRR, and a month starts where the previous one ended. A seeded generator: a
 * failure names its seed, and the same seed replays it.
 */

function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const statuses: SubscriptionStatus[] = [
  "TRIALING",
  "ACTIVE",
  "PAST_DUE",
  "UNPAID",
  "CANCELED",
  "INCOMPLETE",
  "PAUSED",
  "FREE",
];
const first = new Date("2025-01-01T00:00:00Z");
const MONTHS = 8;

function randomLog(seed: number): RevenueEvent[] {
  const random = generator(seed);
  const events: RevenueEvent[] = [];
  const span = addMonths(first, MONTHS).getTime() - first.getTime();
  for (let org = 0; org < 1 + random.int(12); org++) {
    for (let n = 0; n < random.int(14); n++) {
      // One in five lands exactly on a month boundary; others anywhere, some at the same instant.
      const occurredAt =
        random.next() < 0.2
          ? addMonths(first, random.int(MONTHS + 1))
          : new Date(first.getTime() + random.int(span / 3_600_000) * 3_600_000);
      const kind = random.next();
      const base = { organizationId: `org-${org}`, occurredAt, data: {} };
      if (kind < 0.1) {
        events.push({
          ...base,
          type: random.pick(["comp.granted", "comp.ended"]),
          toStatus: random.pick([null, "ACTIVE"]),
          plan: "business",
          seats: 3,
          interval: null,
          unitAmount: 0,
          complimentary: true,
          data: {
            endsAt: new Date(occurredAt.getTime() + random.int(90) * 86_400_000).toISOString(),
          },
        });
      } else if (kind < 0.2) {
        events.push({
          ...base,
          type: random.pick(["invoice.paid", "charge.refunded"]),
          toStatus: null,
          plan: null,
          seats: null,
          interval: null,
          unitAmount: null,
          complimentary: false,
        });
      } else {
        const interval = random.pick(["month", "year", null] as const);
        events.push({
          ...base,
          type: "subscription.updated",
          toStatus: random.pick(statuses),
          plan: random.pick(["free", "pro", "business", "legacy"]),
          seats: random.int(30),
          interval,
          unitAmount: random.pick([null, 0, 999, 1200, 2400, 12000, 24001]),
          complimentary: false,
        });
      }
    }
  }
  return events;
}

/** Each organization's MRR at an instant, replayed naively from the whole log. */
function naiveMrr(events: readonly RevenueEvent[], before: Date): Map<string, number> {
  const last = new Map<string, RevenueEvent>();
  events
    .map((event, index) => ({ event, index }))
    .filter(
      ({ event }) => event.occurredAt < before && event.toStatus !== null && !event.complimentary,
    )
    .sort(
      (a, b) => a.event.occurredAt.getTime() - b.event.occurredAt.getTime() || a.index - b.index,
    )
    .forEach(({ event }) => last.set(event.organizationId, event));
  return new Map([...last].map(([org, event]) => [org, mrrOf(event)]));
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

describe("MRR movements on random event logs", () => {
  it("sum exactly to each month's change in MRR, 300 seeds", () => {
    const now = addMonths(first, MONTHS - 1);
    now.setUTCDate(17);
    for (let seed = 1; seed <= 300; seed++) {
      const events = randomLog(seed);
      let previousEnd: number | null = null;
      for (let i = 0; i < MONTHS; i++) {
        const month = addMonths(first, i);
        const facts = monthFactsFromEvents(events, month, now);
        const context = `seed ${seed}, month ${facts.month}`;
        expect(netMovement(facts), context).toBe(facts.mrr - facts.startMrr);
        if (previousEnd !== null) expect(facts.startMrr, context).toBe(previousEnd);
        previousEnd = facts.mrr;

        const end = i === MONTHS - 1 ? now : addMonths(month, 1);
        const naive = naiveMrr(events, end);
        expect(facts.mrr, context).toBe(sum(naive.values()));
        expect(facts.customers.paying, context).toBe(
          [...naive.values()].filter((v) => v > 0).length,
        );
        for (const value of Object.values(facts.movements)) {
          expect(value, context).toBeGreaterThanOrEqual(0);
        }
        // New means never paid before; coming back after paying is a reactivation.
        const atStart = naiveMrr(events, month);
        const paidBefore = new Set(
          events
            .filter((e) => e.occurredAt < month && !e.complimentary && mrrOf(e) > 0)
            .map((e) => e.organizationId),
        );
        const joined = [...naive].filter(([org, v]) => v > 0 && !(atStart.get(org) ?? 0));
        expect(facts.customers.new, context).toBe(
          joined.filter(([o]) => !paidBefore.has(o)).length,
        );
        expect(facts.customers.reactivated, context).toBe(
          joined.filter(([o]) => paidBefore.has(o)).length,
        );
      }
    }
  });
});
