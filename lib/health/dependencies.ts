import "server-only";

import type { Redis } from "@upstash/redis";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createBoundedRedis } from "@/lib/rate-limit/bounded-redis";
import { DEFAULT_HEALTH_TIMEOUT_MS, type HealthDependencies } from "./checks";

// No retries and a per-request abort: an unreachable Redis is reported at once, nothing left running.
export function createHealthRedis(url: string, token: string): Redis {
  return createBoundedRedis(url, token, DEFAULT_HEALTH_TIMEOUT_MS);
}

let redis: Redis | undefined;

export function appHealthDependencies(): HealthDependencies {
  const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env;
  if (env.rateLimitStore === "upstash" && url && token) {
    redis ??= createHealthRedis(url, token);
  }
  return { database: db, redis };
}
