import "server-only";

import type { Redis } from "@upstash/redis";
import { db } from "@/lib/db";
import { tenantDatabaseClient } from "@/lib/db/tenant-databases/pools";
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
  return {
    database: db,
    redis,
    tenantDatabases: async () => {
      const databases = await db.tenantDatabase.findMany({
        where: { status: "ACTIVE" },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      });
      return databases.map(({ id, name }) => ({ name, database: () => tenantDatabaseClient(id) }));
    },
  };
}
