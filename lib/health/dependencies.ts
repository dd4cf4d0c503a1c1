import "server-only";

import { Redis } from "@upstash/redis";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DEFAULT_HEALTH_TIMEOUT_MS, type HealthDependencies } from "./checks";

/**
 * A Redis client for health checks only: no retries and a per-request abort, so an
 * unreachable Redis is reported at once instead of after the client's backoff, and
 * no request is left running after the check has given up.
 */
export function createHealthRedis(url: string, token: string): Redis {
  return new Redis({
    url,
    token,
    retry: false,
    enableTelemetry: false,
    signal: () => AbortSignal.timeout(DEFAULT_HEALTH_TIMEOUT_MS),
  });
}

let redis: Redis | undefined;

/** What the running app depends on: its database, and Redis when rate limits use it. */
export function appHealthDependencies(): HealthDependencies {
  const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env;
  if (env.rateLimitStore === "upstash" && url && token) {
    redis ??= createHealthRedis(url, token);
  }
  return { database: db, redis };
}
