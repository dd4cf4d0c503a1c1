import { compActiveAt, countsAsRevenue, mrrOf, type RevenueEvent } from "./events";
import type { MonthFacts } from "./facts";
import { monthKey } from "./months";

// The SQL reader and the in-memory builder produce the same input, so the rules live in one place.
export type MonthInput = {
  start: Date;
  /** Exclusive: the next month's start, or now for the month in progress. */
  end: Date;
  atStart: ReadonlyMap<string, RevenueEvent>;
  atEnd: ReadonlyMap<string, RevenueEvent>;
  within: readonly RevenueEvent[];
  /** Organizations that had MRR > 0 before `start` (tells reactivation from new). */
  paidBefore: ReadonlySet<string>;
  compsAtEnd: ReadonlyMap<string, RevenueEvent>;
};

// Comparing start and end MRR makes movements sum exactly to the MRR change; a round trip inside
// the month nets out.
export function computeMonthFacts(input: MonthInput): MonthFacts {
  const facts: MonthFacts = {
    version: 1,
    month: monthKey(input.start),
    startMrr: 0,
    mrr: 0,
    movements: { new: 0, reactivation: 0, expansion: 0, contraction: 0, churned: 0 },
    customers: { atStart: 0, paying: 0, new: 0, reactivated: 0, churned: 0 },
    trials: trialsOf(input),
    complimentary: 0,
  };
  const { movements, customers } = facts;
  const organizations = new Set([...input.atStart.keys(), ...input.atEnd.keys()]);
  for (const organizationId of organizations) {
    const before = mrrOf(input.atStart.get(organizationId));
    const after = mrrOf(input.atEnd.get(organizationId));
    facts.startMrr += before;
    facts.mrr += after;
    if (before > 0) customers.atStart++;
    if (after > 0) customers.paying++;
    if (before === 0 && after > 0) {
      if (input.paidBefore.has(organizationId)) {
        movements.reactivation += after;
        customers.reactivated++;
      } else {
        movements.new += after;
        customers.new++;
      }
    } else if (before > 0 && after === 0) {
      movements.churned += before;
      customers.churned++;
    } else if (after > before) {
      movements.expansion += after - before;
    } else {
      movements.contraction += before - after;
    }
  }
  for (const event of input.compsAtEnd.values()) {
    if (compActiveAt(event, input.end)) facts.complimentary++;
  }
  return facts;
}

// Past due still counts as revenue until canceled, so a trial ending in it converted.
function trialsOf(input: MonthInput): MonthFacts["trials"] {
  const trials = { ended: 0, converted: 0 };
  const previous = new Map<string, RevenueEvent | undefined>();
  for (const event of sortedByTime(input.within)) {
    const id = event.organizationId;
    const before = previous.has(id) ? previous.get(id) : input.atStart.get(id);
    if (before?.toStatus === "TRIALING" && event.toStatus !== "TRIALING") {
      trials.ended++;
      if (countsAsRevenue(event.toStatus)) trials.converted++;
    }
    previous.set(id, event);
  }
  return trials;
}

// Stable: events with the same timestamp keep the order they were read in (insertion order).
export function sortedByTime(events: readonly RevenueEvent[]): RevenueEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) => a.event.occurredAt.getTime() - b.event.occurredAt.getTime() || a.index - b.index,
    )
    .map(({ event }) => event);
}
