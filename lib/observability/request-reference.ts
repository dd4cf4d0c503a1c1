"use client";

import { useSyncExternalStore } from "react";

// Client components cannot read response headers; proxy.ts repeats the id in Server-Timing,
// which the browser exposes (not on plain http off localhost).
export function latestRequestId(): string | null {
  if (typeof performance === "undefined") return null;
  const entries = [
    ...performance.getEntriesByType("navigation"),
    ...performance
      .getEntriesByType("resource")
      .filter((entry) => entry.name.includes("_rsc=") || entry.name.includes("/_next/data/")),
  ] as PerformanceResourceTiming[];
  entries.sort((a, b) => a.startTime - b.startTime);
  for (const entry of entries.reverse()) {
    const timing = entry.serverTiming?.find((item) => item.name === "request");
    if (timing?.description) return timing.description;
  }
  return null;
}

const noSubscription = () => () => undefined;

export function useRequestId(): string | null {
  return useSyncExternalStore(noSubscription, latestRequestId, () => null);
}
