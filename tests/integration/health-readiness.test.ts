import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route";
import { db } from "@/lib/db";
import { readinessResponse, readinessThresholds } from "@/lib/health/readiness";
import { adminDatabase } from "../support/admin-db";

/**
 * /api/health stays the liveness check; /api/health?ready=1 adds the job queue and answers
 * 503 once jobs wait longer than the threshold or dead letters pile up.
 */

const admin = adminDatabase();
// The first query opens the pool; on a busy machine that alone can outlast the 2 s probe, and these
// tests are about the queue's thresholds, not about connecting.
beforeAll(async () => {
  await db.$queryRaw`SELECT 1`;
});
afterAll(async () => {
  await admin.$disconnect();
  await db.$disconnect();
});

const queue =
  (oldestPendingAgeSeconds: number, dead = 0) =>
  async () => ({
    oldestPendingAgeSeconds,
    pending: oldestPendingAgeSeconds > 0 ? 1 : 0,
    dead,
  });

describe("readiness", () => {
  it("is ready while the queue keeps up, and answers 503 past the thresholds", async () => {
    const limit = readinessThresholds.oldestPendingAgeSeconds;
    const ready = await readinessResponse({ database: db, queue: queue(limit) });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ok",
      queue: { status: "ok", oldestPendingAgeSeconds: limit, dead: 0 },
    });

    const late = await readinessResponse({ database: db, queue: queue(limit + 1) });
    expect(late.status).toBe(503);
    expect(late.headers.get("retry-after")).not.toBeNull();
    expect(await late.json()).toMatchObject({ status: "degraded", queue: { status: "behind" } });

    const dead = readinessThresholds.deadLetters;
    expect((await readinessResponse({ database: db, queue: queue(0, dead) })).status).toBe(200);
    expect((await readinessResponse({ database: db, queue: queue(0, dead + 1) })).status).toBe(503);
  });

  it("answers 503 when the queue cannot be read, without saying why", async () => {
    const log = vi.fn();
    const response = await readinessResponse({
      database: db,
      log,
      queue: () => Promise.reject(new Error("connect ECONNREFUSED 10.0.0.5:5432")),
    });
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ queue: { status: "unknown" } });
    expect(text).not.toContain("ECONNREFUSED");
    expect(log).toHaveBeenCalledWith("[health] job queue check failed", expect.any(Error));
  });

  it("GET /api/health?ready=1 reports the real queue; /api/health does not look at it", async () => {
    const overdue = await admin.outboxMessage.create({
      data: {
        kind: "email",
        payload: {},
        availableAt: new Date(
          Date.now() - (readinessThresholds.oldestPendingAgeSeconds + 60) * 1000,
        ),
      },
    });
    try {
      const readiness = await GET(new Request("http://localhost:3000/api/health?ready=1"));
      expect(readiness.status).toBe(503);
      expect(readiness.headers.get("cache-control")).toBe("no-store");
      const body = await readiness.json();
      expect(body.queue.status).toBe("behind");
      expect(body.queue.oldestPendingAgeSeconds).toBeGreaterThan(
        readinessThresholds.oldestPendingAgeSeconds,
      );

      const liveness = await GET(new Request("http://localhost:3000/api/health"));
      expect(liveness.status).toBe(200);
      expect(await liveness.json()).not.toHaveProperty("queue");
    } finally {
      await admin.outboxMessage.delete({ where: { id: overdue.id } });
    }
  });
});
