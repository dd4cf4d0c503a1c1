import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { discardDeadJob, listDeadJobs, retryDeadJob } from "@/lib/jobs/dead-letters";
import { defineJob, PermanentJobError, type JobDefinition } from "@/lib/jobs/define";
import { jobRegistry, type AnyJobDefinition } from "@/lib/jobs/registry";
import { runJobs } from "@/lib/jobs/run";
import { queueStats } from "@/lib/jobs/stats";
import { adminDatabase } from "../support/admin-db";

/**
 * The job queue's guarantees, with kinds made for the test: retries until success with
 * exactly one completion, no job run twice by concurrent runners, dead letters retried and
 * discarded through the functions the operator console calls, per-kind concurrency,
 * delayed jobs.
 */

const admin = adminDatabase();
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);
let counter = 0;

/** A registry of the app's kinds plus `definition`, under a kind name of its own. */
function withKind<P>(build: (kind: string) => JobDefinition<string, P>) {
  const definition = build(`test-${Date.now().toString(36)}-${++counter}`);
  const registry = new Map(jobRegistry);
  registry.set(definition.kind, definition as unknown as AnyJobDefinition);
  const enqueue = async (payload: P, runAt?: Date) =>
    (
      await admin.outboxMessage.create({
        data: {
          kind: definition.kind,
          payload: payload as object,
          availableAt: runAt ?? new Date(),
        },
        select: { id: true },
      })
    ).id;
  const ids = async () =>
    (
      await admin.outboxMessage.findMany({ where: { kind: definition.kind }, select: { id: true } })
    ).map((row) => row.id);
  return { definition, registry, enqueue, ids };
}

beforeEach(() => {
  // Failures are logged by design; keep the output readable.
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await admin.outboxMessage.deleteMany({ where: { kind: { startsWith: "test-" } } });
  await admin.$disconnect();
  await db.$disconnect();
});

describe("retries", () => {
  it("a job that fails three times and then succeeds completes exactly once", async () => {
    const calls: number[] = [];
    const completions: string[] = [];
    const job = withKind((kind) =>
      defineJob({
        kind,
        payload: z.object({ n: z.number() }),
        maxAttempts: 5,
        concurrency: 1,
        transactional: true,
        handler: async (_payload, { attempt, jobId }) => {
          calls.push(attempt);
          if (attempt <= 3) throw new Error(`failure ${attempt}`);
          completions.push(jobId);
        },
      }),
    );
    const id = await job.enqueue({ n: 1 });
    const run = (minutes: number) =>
      runJobs({ registry: job.registry, ids: [id], now: minutesFromNow(minutes) });

    expect(await run(0)).toEqual({ sent: 0, failed: 1, dead: 0 });
    // Backed off: not due again at once.
    expect(await run(0)).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(await run(2)).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect(await run(10)).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect(await run(60)).toEqual({ sent: 1, failed: 0, dead: 0 });
    // Done: later runs find nothing.
    expect(await run(24 * 60)).toEqual({ sent: 0, failed: 0, dead: 0 });

    expect(calls).toEqual([1, 2, 3, 4]);
    expect(completions).toEqual([id]);
    const row = await admin.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 4, lastError: null, lockedUntil: null });
  });

  it("backs off exponentially with jitter and dead-letters after the kind's limit", async () => {
    const job = withKind((kind) =>
      defineJob({
        kind,
        payload: z.object({}),
        maxAttempts: 3,
        concurrency: 1,
        handler: async () => {
          throw new Error("always");
        },
      }),
    );
    const id = await job.enqueue({});
    const delays: number[] = [];
    let clock = Date.now();
    for (const expected of ["failed", "failed", "dead"] as const) {
      const result = await runJobs({ registry: job.registry, ids: [id], now: new Date(clock) });
      expect(result[expected]).toBe(1);
      const row = await admin.outboxMessage.findUniqueOrThrow({ where: { id } });
      delays.push(row.availableAt.getTime() - clock);
      clock = row.availableAt.getTime() + 1;
    }
    // 30 s then 60 s, each less up to 20 % jitter.
    expect(delays[0]).toBeGreaterThanOrEqual(24_000);
    expect(delays[0]).toBeLessThanOrEqual(31_000);
    expect(delays[1]).toBeGreaterThanOrEqual(48_000);
    expect(delays[1]).toBeLessThanOrEqual(61_000);
    expect(await admin.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DEAD",
      attempts: 3,
    });
  });

  it("dead-letters a permanent failure and a payload that does not match the schema at once", async () => {
    const job = withKind((kind) =>
      defineJob({
        kind,
        payload: z.object({ ok: z.boolean() }),
        maxAttempts: 5,
        concurrency: 5,
        handler: async () => {
          throw new PermanentJobError("cannot work");
        },
      }),
    );
    const permanent = await job.enqueue({ ok: true });
    const malformed = await job.enqueue({ nope: 1 } as unknown as { ok: boolean });
    expect(await runJobs({ registry: job.registry, ids: [permanent, malformed] })).toEqual({
      sent: 0,
      failed: 0,
      dead: 2,
    });
    const rows = await admin.outboxMessage.findMany({
      where: { id: { in: [permanent, malformed] } },
    });
    expect(rows.map((row) => [row.status, row.attempts]).sort()).toEqual([
      ["DEAD", 1],
      ["DEAD", 1],
    ]);
  });
});

describe("concurrent runners", () => {
  it("never run one job twice", async () => {
    const runs: string[] = [];
    const job = withKind((kind) =>
      defineJob({
        kind,
        payload: z.object({ i: z.number() }),
        maxAttempts: 3,
        concurrency: 100,
        handler: async (_payload, { jobId }) => {
          runs.push(jobId);
          await new Promise((resolve) => setTimeout(resolve, 5));
        },
      }),
    );
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await job.enqueue({ i }));

    const results = await Promise.all(
      Array.from({ length: 6 }, (_, runner) =>
        runJobs({ registry: job.registry, ids, limit: 3 + runner }),
      ),
    );
    // Whatever the first round left, later rounds finish.
    let total = results.reduce((sum, r) => sum + r.sent, 0);
    for (let round = 0; round < 10 && total < 30; round++) {
      total += (await runJobs({ registry: job.registry, ids, limit: 100 })).sent;
    }

    expect(total).toBe(30);
    expect(runs).toHaveLength(30);
    expect(new Set(runs)).toEqual(new Set(ids));
    expect(await admin.outboxMessage.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(
      30,
    );
  });
});

describe("per-kind concurrency", () => {
  it("runs at most `concurrency` jobs of a kind at once, across runners", async () => {
    let running = 0;
    let most = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const twoStarted = new Promise<void>((resolve) => (started = resolve));
    const job = withKind((kind) =>
      defineJob({
        kind,
        payload: z.object({ i: z.number() }),
        maxAttempts: 3,
        concurrency: 2,
        handler: async () => {
          running += 1;
          most = Math.max(most, running);
          if (running === 2) started();
          await gate;
          running -= 1;
        },
      }),
    );
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await job.enqueue({ i }));

    // Five runners that take one job each: two get one, the others find no room.
    const runners = Array.from({ length: 5 }, () =>
      runJobs({ registry: job.registry, ids, limit: 1 }),
    );
    await twoStarted;
    const leased = await admin.outboxMessage.count({
      where: { id: { in: ids }, status: "PENDING", lockedUntil: { not: null } },
    });
    expect(leased).toBe(2);
    // While two run, a runner with room for many takes none.
    expect(await runJobs({ registry: job.registry, ids, limit: 5 })).toEqual({
      sent: 0,
      failed: 0,
      dead: 0,
    });
    release();
    let sent = (await Promise.all(runners)).reduce((sum, r) => sum + r.sent, 0);
    for (let round = 0; round < 5 && sent < 5; round++) {
      sent += (await runJobs({ registry: job.registry, ids, limit: 5 })).sent;
    }
    expect(sent).toBe(5);
    expect(most).toBe(2);
  });

  it("does not hold back other kinds", async () => {
    const slow = withKind((kind) =>
      defineJob({
        kind,
        payload: z.object({}),
        maxAttempts: 1,
        concurrency: 1,
        handler: async () => undefined,
      }),
    );
    const registry = new Map(slow.registry);
    const other = withKind((kind) =>
      defineJob({
        kind,
        payload: z.object({}),
        maxAttempts: 1,
        concurrency: 10,
        handler: async () => undefined,
      }),
    );
    registry.set(other.definition.kind, other.definition as unknown as AnyJobDefinition);
    const slowIds = [await slow.enqueue({}), await slow.enqueue({})];
    const otherIds = [await other.enqueue({}), await other.enqueue({})];
    const result = await runJobs({ registry, ids: [...slowIds, ...otherIds] });
    // One of the limited kind, both of the other.
    expect(result).toEqual({ sent: 3, failed: 0, dead: 0 });
  });
});

describe("delayed jobs", () => {
  it("waits for runAt", async () => {
    const ran: string[] = [];
    const job = withKind((kind) =>
      defineJob({
        kind,
        payload: z.object({}),
        maxAttempts: 1,
        concurrency: 1,
        handler: async (_payload, { jobId }) => void ran.push(jobId),
      }),
    );
    const id = await job.enqueue({}, minutesFromNow(10));
    expect(await runJobs({ registry: job.registry, ids: [id] })).toEqual({
      sent: 0,
      failed: 0,
      dead: 0,
    });
    expect(await runJobs({ registry: job.registry, ids: [id], now: minutesFromNow(9) })).toEqual({
      sent: 0,
      failed: 0,
      dead: 0,
    });
    expect(ran).toEqual([]);
    expect(await runJobs({ registry: job.registry, ids: [id], now: minutesFromNow(11) })).toEqual({
      sent: 1,
      failed: 0,
      dead: 0,
    });
    expect(ran).toEqual([id]);
  });

  it("enqueueJob stores runAt and the dedupe key inside the caller's transaction", async () => {
    const { enqueueJob } = await import("@/lib/jobs/enqueue");
    const organizationId = `org-${Date.now()}`;
    const runAt = minutesFromNow(30);
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(tx, "seat-sync", { organizationId }, { runAt });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(
      await admin.outboxMessage.count({
        where: { payload: { path: ["organizationId"], equals: organizationId } },
      }),
    ).toBe(0);

    const key = `seat-test:${organizationId}`;
    const first = await db.$transaction((tx) =>
      enqueueJob(tx, "seat-sync", { organizationId }, { runAt, dedupeKey: key }),
    );
    const again = await enqueueJob(db, "seat-sync", { organizationId }, { dedupeKey: key });
    expect(again).toBe(first);
    const row = await admin.outboxMessage.findUniqueOrThrow({ where: { id: first } });
    expect(row).toMatchObject({ kind: "seat-sync", status: "PENDING", availableAt: runAt });
    await admin.outboxMessage.delete({ where: { id: first } });
  });
});

describe("dead letters, through the operator console's functions", () => {
  it("are listed, retried to completion, or discarded", async () => {
    let failing = true;
    const done: string[] = [];
    const job = withKind((kind) =>
      defineJob({
        kind,
        payload: z.object({ i: z.number() }),
        maxAttempts: 1,
        concurrency: 5,
        handler: async (_payload, { jobId }) => {
          if (failing) throw new Error("provider down");
          done.push(jobId);
        },
      }),
    );
    const retried = await job.enqueue({ i: 1 });
    const discarded = await job.enqueue({ i: 2 });
    expect(await runJobs({ registry: job.registry, ids: [retried, discarded] })).toEqual({
      sent: 0,
      failed: 0,
      dead: 2,
    });

    const dead = await listDeadJobs({ kind: job.definition.kind });
    expect(dead.map((row) => row.id).sort()).toEqual([retried, discarded].sort());
    expect(dead[0]?.lastError).toContain("provider down");
    expect((await queueStats()).dead).toBeGreaterThanOrEqual(2);

    failing = false;
    expect(await retryDeadJob(retried)).toBe(true);
    // Retrying again does nothing: it is no longer dead.
    expect(await retryDeadJob(retried)).toBe(false);
    expect(await runJobs({ registry: job.registry, ids: [retried] })).toEqual({
      sent: 1,
      failed: 0,
      dead: 0,
    });
    expect(done).toEqual([retried]);

    expect(await discardDeadJob(discarded)).toBe(true);
    expect(await discardDeadJob(discarded)).toBe(false);
    // A job that is not dead cannot be discarded or retried.
    expect(await discardDeadJob(retried)).toBe(false);
    expect(await admin.outboxMessage.count({ where: { id: discarded } })).toBe(0);
    expect(await listDeadJobs({ kind: job.definition.kind })).toEqual([]);
  });
});

describe("queue stats", () => {
  it("report the oldest due job's age", async () => {
    const job = withKind((kind) =>
      defineJob({
        kind,
        payload: z.object({}),
        maxAttempts: 1,
        concurrency: 1,
        handler: async () => undefined,
      }),
    );
    const id = await job.enqueue({}, new Date(Date.now() - 15 * 60_000));
    const stats = await queueStats();
    expect(stats.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(15 * 60);
    expect(stats.pending).toBeGreaterThanOrEqual(1);
    await runJobs({ registry: job.registry, ids: [id] });
    expect(await job.ids()).toEqual([id]);
  });
});
