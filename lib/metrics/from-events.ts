import { computeMonthFacts, sortedByTime, type MonthInput } from "./engine";
import { isCompEvent, isStateEvent, mrrOf, type RevenueEvent } from "./events";
import type { MonthFacts } from "./facts";
import { monthEnd } from "./months";

/** Same meaning as the SQL reader's input, for callers that already hold the events. */
export function monthInputFromEvents(
  events: readonly RevenueEvent[],
  start: Date,
  end: Date,
): MonthInput {
  const atStart = new Map<string, RevenueEvent>();
  const atEnd = new Map<string, RevenueEvent>();
  const compsAtEnd = new Map<string, RevenueEvent>();
  const within: RevenueEvent[] = [];
  const paidBefore = new Set<string>();
  for (const event of sortedByTime(events)) {
    if (event.occurredAt >= end) break;
    if (isCompEvent(event)) {
      compsAtEnd.set(event.organizationId, event);
      continue;
    }
    if (!isStateEvent(event)) continue;
    atEnd.set(event.organizationId, event);
    if (event.occurredAt < start) {
      atStart.set(event.organizationId, event);
      if (mrrOf(event) > 0) paidBefore.add(event.organizationId);
    } else {
      within.push(event);
    }
  }
  return { start, end, atStart, atEnd, within, paidBefore, compsAtEnd };
}

export function monthFactsFromEvents(
  events: readonly RevenueEvent[],
  start: Date,
  now: Date,
): MonthFacts {
  return computeMonthFacts(monthInputFromEvents(events, start, monthEnd(start, now)));
}
