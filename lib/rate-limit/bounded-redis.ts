import { Redis } from "@upstash/redis";

// No retries (the default backs off for seconds) and a fresh deadline per request, where an abort
// throws instead of resolving "Aborted": every Upstash wait in the app is bounded by `timeoutMs`.
export function createBoundedRedis(url: string, token: string, timeoutMs: number): Redis {
  return new Redis({
    url,
    token,
    retry: { retries: 0 },
    signal: () => AbortSignal.timeout(timeoutMs),
    enableTelemetry: false,
  });
}
