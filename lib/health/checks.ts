// Reports never say why a dependency failed: the endpoint is public and driver errors carry hosts
// and credentials. The real error goes to the server log.

import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";
import { logError } from "@/lib/observability/logger";

export type PingableDatabase = {
  $queryRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<unknown>;
};

export type PingableRedis = { ping(): Promise<string> };

export type HealthDependencies = {
  database: PingableDatabase;
  redis?: PingableRedis;
  /** Dedicated tenant databases, by name (README, "Hybrid tenancy"). */
  tenantDatabases?: () => Promise<{ name: string; database: () => Promise<PingableDatabase> }[]>;
  /** Per dependency: load balancers give up after a few seconds. */
  timeoutMs?: number;
  log?: (message: string, error: unknown) => void;
};

export type CheckResult =
  { status: "up"; latencyMs: number } | { status: "down"; error: "unreachable" | "timeout" };

export type HealthReport = {
  status: "ok" | "degraded";
  checks: {
    database: CheckResult;
    redis?: CheckResult;
    // Named, but not part of the status: one customer's database down leaves the app up for
    // everyone else, so it must not fail liveness and restart every instance.
    tenantDatabases?: Record<string, CheckResult>;
  };
};

export const DEFAULT_HEALTH_TIMEOUT_MS = 2_000;

class ProbeTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = "ProbeTimeout";
  }
}

async function check(
  name: string,
  probe: () => PromiseLike<unknown>,
  timeoutMs: number,
  log: NonNullable<HealthDependencies["log"]>,
): Promise<CheckResult> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Else a dependency that never answers holds the request until the platform kills it ("app down").
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(timeoutMs)), timeoutMs);
  });
  try {
    // Called inside the try: building the probe can throw too (e.g. no DATABASE_URL).
    await Promise.race([Promise.resolve().then(probe), deadline]);
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    log(`[health] ${name} check failed`, error);
    return { status: "down", error: error instanceof ProbeTimeout ? "timeout" : "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkDatabase(
  database: PingableDatabase,
  timeoutMs = DEFAULT_HEALTH_TIMEOUT_MS,
  log: NonNullable<HealthDependencies["log"]> = logError,
): Promise<CheckResult> {
  return check("database", () => database.$queryRaw`SELECT 1`, timeoutMs, log);
}

export async function checkRedis(
  redis: PingableRedis,
  timeoutMs = DEFAULT_HEALTH_TIMEOUT_MS,
  log: NonNullable<HealthDependencies["log"]> = logError,
): Promise<CheckResult> {
  return check(
    "redis",
    async () => {
      const reply = await redis.ping();
      if (reply !== "PONG") throw new Error(`unexpected PING reply: ${reply}`);
    },
    timeoutMs,
    log,
  );
}

export async function runHealthChecks({
  database,
  redis,
  tenantDatabases,
  timeoutMs = DEFAULT_HEALTH_TIMEOUT_MS,
  log = logError,
}: HealthDependencies): Promise<HealthReport> {
  const [databaseResult, redisResult] = await Promise.all([
    checkDatabase(database, timeoutMs, log),
    redis ? checkRedis(redis, timeoutMs, log) : undefined,
  ]);
  const checks: HealthReport["checks"] = { database: databaseResult };
  if (redisResult) checks.redis = redisResult;
  const allUp = Object.values(checks).every((result) => result.status === "up");
  if (tenantDatabases && databaseResult.status === "up") {
    let tenants: Awaited<ReturnType<typeof tenantDatabases>> = [];
    await check(
      "tenant database registry",
      async () => {
        tenants = await tenantDatabases();
      },
      timeoutMs,
      log,
    );
    const results = await Promise.all(
      tenants.map(async ({ name, database: open }) => {
        const result = await check(
          `tenant database ${name}`,
          async () => (await open()).$queryRaw`SELECT 1`,
          timeoutMs,
          log,
        );
        return [name, result] as const;
      }),
    );
    if (results.length > 0) checks.tenantDatabases = Object.fromEntries(results);
  }
  return { status: allUp ? "ok" : "degraded", checks };
}

export async function healthResponse(dependencies: HealthDependencies): Promise<Response> {
  const report = await runHealthChecks(dependencies);
  const ok = report.status === "ok";
  return Response.json(report, {
    status: ok ? 200 : 503,
    headers: {
      "Cache-Control": "no-store",
      ...(ok ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) }),
    },
  });
}
