import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDatabaseClient, type Database } from "@/lib/db/create-client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { healthResponse, runHealthChecks } from "@/lib/health/checks";
import { createHealthRedis } from "@/lib/health/dependencies";

// A database of its own, so stopping it cannot disturb the other integration tests.
let embedded: EmbeddedDatabase;
let client: Database;

beforeAll(async () => {
  embedded = await startEmbeddedDatabase();
  client = createDatabaseClient(embedded.url, { poolSize: 2 });
});

afterAll(async () => {
  await client.$disconnect().catch(() => {});
  await embedded.stop();
});

/** The secrets and locations a health body must never reveal. */
function expectNothingSensitive(text: string, ...secrets: string[]) {
  const url = new URL(embedded.url);
  for (const secret of [embedded.url, `${url.username}:${url.password}`, url.host, ...secrets]) {
    expect(text).not.toContain(secret);
  }
  expect(text).not.toMatch(/postgres(ql)?:\/\//);
  expect(text).not.toMatch(/ECONNREFUSED|Error/);
}

describe("health checks", () => {
  it("answers 200 with the database up and its latency", async () => {
    const response = await healthResponse({ database: client });

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toEqual({
      status: "ok",
      checks: { database: { status: "up", latencyMs: expect.any(Number) } },
    });
    expect(body.checks.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("answers 503 naming redis when Redis is unreachable", async () => {
    const token = "health-test-token-that-must-not-leak";
    const log = vi.fn();
    const response = await healthResponse({
      database: client,
      redis: createHealthRedis("http://127.0.0.1:1", token),
      log,
    });

    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      status: "degraded",
      checks: {
        database: { status: "up", latencyMs: expect.any(Number) },
        redis: { status: "down", error: "unreachable" },
      },
    });
    expectNothingSensitive(text, token, "127.0.0.1:1");
    expect(log).toHaveBeenCalledWith("[health] redis check failed", expect.anything());
  });

  it("reports a dependency that never answers as timed out", async () => {
    const log = vi.fn();
    const report = await runHealthChecks({
      database: { $queryRaw: () => new Promise(() => {}) },
      timeoutMs: 50,
      log,
    });

    expect(report).toEqual({
      status: "degraded",
      checks: { database: { status: "down", error: "timeout" } },
    });
    expect(log).toHaveBeenCalledOnce();
  });

  it("answers 503 naming the database once it is stopped, without revealing where it was", async () => {
    await embedded.stop();
    const log = vi.fn();
    const response = await healthResponse({ database: client, log });

    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      status: "degraded",
      checks: { database: { status: "down", error: "unreachable" } },
    });
    expectNothingSensitive(text);
    // The real cause is kept for the operator, in the server log.
    expect(log).toHaveBeenCalledWith("[health] database check failed", expect.any(Error));
  });
});

describe("GET /api/health", () => {
  it("answers 200 against the test run's database", async () => {
    const { GET, dynamic } = await import("@/app/api/health/route");
    const { db } = await import("@/lib/db");
    try {
      const response = await GET();
      expect(response.status).toBe(200);
      expect(dynamic).toBe("force-dynamic");
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = await response.json();
      expect(body.status).toBe("ok");
      expect(body.checks.database.status).toBe("up");
    } finally {
      await db.$disconnect();
    }
  });
});
