import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { flushUsage, scheduleUsageFlush } from "@/lib/usage/flush";
import { createMemoryUsageStore } from "@/lib/usage/memory-store";
import { createRedisUsageStore } from "@/lib/usage/redis-store";
import type { UsageStore } from "@/lib/usage/store";
import { usageByKey, usageSummary } from "@/lib/usage/summary";
import { adminDatabase } from "../support/admin-db";
import { organization, userWithSession } from "../support/tenant-request";
import { startUpstashProxy, type UpstashProxy } from "../support/upstash-proxy";

/**
 * API calls are counted without a database write, flushed to Postgres once per closed bucket
 * (never twice, even when a flush is retried after a crash), shown against the plan, and
 * owners are mailed once at 80 % and once at 100 % of the included calls.
 */

const admin = adminDatabase();
let proxy: UpstashProxy;
let counter = 0;

beforeAll(async () => {
  proxy = await startUpstashProxy();
});

afterAll(async () => {
  await proxy.close();
  await admin.$disconnect();
  await db.$disconnect();
});

/** A Pro organization with one owner; calls are made five minutes ago so their bucket is closed. */
async function proOrganization(plan = "pro") {
  const org = await organization(admin, `usage-${++counter}`, { plan, status: "ACTIVE" });
  const owner = await userWithSession(admin, `usage-owner-${counter}-${Date.now().toString(36)}`);
  await admin.membership.create({
    data: { organizationId: org.id, userId: owner.id, role: "OWNER" },
  });
  return org;
}

// One closed minute for every call, and the month it falls in for the summaries.
const CALL_TIME = Date.now() - 5 * 60_000;

function record(store: UsageStore, organizationId: string, calls: number, apiKeyId = "key_a") {
  const at = CALL_TIME;
  for (let i = 0; i < calls; i++)
    store.increment(Math.floor(at / 60_000) * 60_000, organizationId, apiKeyId);
}

async function flushedCalls(organizationId: string): Promise<number> {
  const { _sum } = await admin.usageCounter.aggregate({
    where: { organizationId },
    _sum: { count: true },
  });
  return _sum.count ?? 0;
}

const usageEmails = (organizationId: string) =>
  admin.outboxMessage.findMany({
    where: { kind: "email", dedupeKey: { contains: `:${organizationId}:` } },
    select: { dedupeKey: true },
  });

/** A store whose first acknowledge dies: the rows are committed, the bucket is still held. */
function crashingOnce(store: UsageStore): UsageStore {
  let crashed = false;
  return {
    increment: (...args) => store.increment(...args),
    closedBuckets: (before) => store.closedBuckets(before),
    holdsCounts: () => store.holdsCounts(),
    acknowledge: async (bucket) => {
      if (!crashed) {
        crashed = true;
        throw new Error("the instance died");
      }
      await store.acknowledge(bucket);
    },
  };
}

async function redisStore() {
  return createRedisUsageStore({
    url: proxy.url,
    token: proxy.token,
    prefix: `${proxy.keyPrefix}:usage:${++counter}`,
    timeoutMs: 2_000,
    fallback: createMemoryUsageStore(),
  });
}

/** Increments are fire-and-forget: wait until Redis holds them all. */
async function settled(store: UsageStore, calls: number) {
  for (let i = 0; i < 200; i++) {
    const buckets = await store.closedBuckets(Date.now());
    const held = buckets.flatMap((b) => b.counts).reduce((sum, c) => sum + c.count, 0);
    if (held >= calls) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("Redis never held the calls");
}

describe.each([
  { name: "in memory", store: async () => createMemoryUsageStore() },
  { name: "with Upstash", store: redisStore },
])("usage metering $name", ({ store: makeStore }) => {
  it("flushes 12,345 calls on Pro as 3 overage units", async () => {
    const org = await proOrganization();
    const store = await makeStore();
    record(store, org.id, 12_000, "key_a");
    record(store, org.id, 345, "key_b");
    await settled(store, 12_345);

    expect(await flushUsage({ store })).toEqual({ buckets: 1, calls: 12_345 });
    expect(await flushedCalls(org.id)).toBe(12_345);
    // Nothing left to move: a second run flushes nothing.
    expect(await flushUsage({ store })).toEqual({ buckets: 0, calls: 0 });

    const summary = await usageSummary(org.id, { now: new Date(CALL_TIME) });
    expect(summary).toMatchObject({
      calls: 12_345,
      includedCalls: 10_000,
      overageUnits: 3,
      projectedOverage: 300,
    });
    expect(Object.fromEntries(await usageByKey(org.id, new Date(CALL_TIME)))).toEqual({
      key_a: 12_000,
      key_b: 345,
    });
  });

  it("counts a flush retried after a crash once", async () => {
    const org = await proOrganization();
    const store = await makeStore();
    record(store, org.id, 42);
    await settled(store, 42);

    const crashing = crashingOnce(store);
    await expect(flushUsage({ store: crashing })).rejects.toThrow("the instance died");
    expect(await flushedCalls(org.id)).toBe(42);

    expect(await flushUsage({ store: crashing })).toEqual({ buckets: 1, calls: 0 });
    expect(await flushedCalls(org.id)).toBe(42);
    expect(await store.closedBuckets(Date.now())).toEqual([]);
  });

  it("mails the owners once at 80 % and once at 100 %", async () => {
    const org = await proOrganization();
    const store = await makeStore();
    // Each step uses its own key: a closed bucket is flushed once, so steps must not share one.
    record(store, org.id, 7_999);
    await settled(store, 7_999);
    await flushUsage({ store });
    expect(await usageEmails(org.id)).toEqual([]);

    const at80 = await makeStore();
    record(at80, org.id, 1, "key_80");
    await settled(at80, 1);
    await flushUsage({ store: at80 });
    const after80 = await usageEmails(org.id);
    expect(after80.map((e) => e.dedupeKey?.split(":")[0])).toEqual(["usage-80"]);

    const more = await makeStore();
    record(more, org.id, 1_000, "key_90");
    await settled(more, 1_000);
    await flushUsage({ store: more });
    expect(await usageEmails(org.id)).toHaveLength(1);

    const at100 = await makeStore();
    record(at100, org.id, 1_000, "key_100");
    await settled(at100, 1_000);
    await flushUsage({ store: at100 });
    const keys = (await usageEmails(org.id)).map((e) => e.dedupeKey?.split(":")[0]).sort();
    expect(keys).toEqual(["usage-100", "usage-80"]);

    const beyond = await makeStore();
    record(beyond, org.id, 5_000, "key_150");
    await settled(beyond, 5_000);
    await flushUsage({ store: beyond });
    expect(await usageEmails(org.id)).toHaveLength(2);
  });

  it("keeps each organization's calls to itself and mails no one on Free", async () => {
    const pro = await proOrganization();
    const free = await proOrganization("free");
    const store = await makeStore();
    record(store, pro.id, 10);
    record(store, free.id, 20);
    await settled(store, 30);
    await flushUsage({ store });

    expect(await flushedCalls(pro.id)).toBe(10);
    expect(await flushedCalls(free.id)).toBe(20);
    expect(await usageSummary(free.id, { now: new Date(CALL_TIME) })).toMatchObject({
      calls: 20,
      includedCalls: 0,
      overagePer1000: null,
      projectedOverage: 0,
    });
    expect(await usageEmails(free.id)).toEqual([]);
  });
});

describe("scheduling the flush", () => {
  it("queues one flush per minute while counts are held, none when nothing is", async () => {
    const now = new Date(Date.UTC(2031, 0, 2, 3, 4, 30));
    const jobs = () =>
      admin.outboxMessage.count({
        where: { kind: "usage-flush", dedupeKey: "usage-flush:2031-01-02T03:04:00.000Z" },
      });
    const store = createMemoryUsageStore();
    await scheduleUsageFlush(now, store);
    expect(await jobs()).toBe(0);

    store.increment(now.getTime(), "org", "key");
    await scheduleUsageFlush(now, store);
    await scheduleUsageFlush(new Date(now.getTime() + 20_000), store);
    expect(await jobs()).toBe(1);
    await admin.outboxMessage.deleteMany({
      where: { dedupeKey: "usage-flush:2031-01-02T03:04:00.000Z" },
    });
  });
});

describe("usage metering when Redis is down", () => {
  it("counts the calls in memory and flushes them", async () => {
    const gone = await startUpstashProxy();
    const fallback = createMemoryUsageStore();
    const store = createRedisUsageStore({
      url: gone.url,
      token: gone.token,
      prefix: `${gone.keyPrefix}:usage`,
      timeoutMs: 500,
      fallback,
    });
    gone.setMode("down");
    const org = await proOrganization();
    record(store, org.id, 3);
    await settled(fallback, 3);
    gone.setMode("ok");
    expect(await flushUsage({ store })).toEqual({ buckets: 1, calls: 3 });
    await gone.close();
  });
});
