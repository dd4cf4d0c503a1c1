"use client";

import { useSyncExternalStore } from "react";

/**
 * The X-Request-Id of the request that failed, for error pages (client components, which
 * cannot read response headers). proxy.ts repeats the id in `Server-Timing`, which the
 * browser exposes to scripts: the document's entry for a full page load, the latest
 * server-component fetch for a client-side navigation. Null where the browser does not
 * expose it (plain http on a host other than localhost).
 */
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
