import { RetryLaterError } from "@/lib/errors";
import type { RateLimitRefusal } from "./types";

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

function describeWait(seconds: number): string {
  if (seconds < 60) return plural(seconds, "second");
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return plural(minutes, "minute");
  return plural(Math.ceil(seconds / 3600), "hour");
}

export function waitSeconds(result: RateLimitRefusal): number {
  const seconds = Math.ceil(result.retryAfterSeconds);
  return Number.isFinite(seconds) ? Math.max(1, seconds) : 1;
}

// Never names the limit hit: that would tell an attacker which keys it is burning.
export function rateLimitMessage(result: RateLimitRefusal): string {
  const wait = describeWait(waitSeconds(result));
  return result.reason === "limited"
    ? `Too many attempts. Please try again in ${wait}.`
    : `We can't process this right now. Please try again in ${wait}.`;
}

export function rateLimitResponse(result: RateLimitRefusal): Response {
  return Response.json(
    { error: rateLimitMessage(result) },
    {
      status: result.reason === "limited" ? 429 : 503,
      headers: { "Retry-After": String(waitSeconds(result)), "Cache-Control": "no-store" },
    },
  );
}

export function rateLimitError(result: RateLimitRefusal): RetryLaterError {
  return new RetryLaterError(
    rateLimitMessage(result),
    result.reason === "limited" ? 429 : 503,
    waitSeconds(result),
  );
}
