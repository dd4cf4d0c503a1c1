import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { runJobs, runNamedJobs } from "@/lib/jobs/run";
import { scheduleRecurringJobs } from "@/lib/jobs/schedule";
import { withScope } from "@/lib/db/tenant";
import { deriveMetrics } from "@/lib/metrics/derive";
import { addMonths, monthStart, reportingMonths } from "@/lib/metrics/months";
import { computeMonthFromLog } from "@/lib/metrics/read";
import { queueSnapshotRefresh } from "@/lib/metrics/refresh";
import { metricsReport } from "@/lib/metrics/report";
import { loadMonthFacts } from "@/lib/metrics/snapshots";
import { adminDatabase } from "../support/admin-db";
import { fixtureGrossMargin, seedMetricsFixture } from "../support/metrics-fixture";

/**
 * The hand-computed fixture through the SQL reader on PostgreSQL, as the app's role under
 * row-level security: the same numbers as the pure engine (tests/unit/metrics-fixture.test.ts).
 * The fixture sits 30 months back, where nothing else in the test database has events.
 */

const admin = adminDatabase();
let fixture: Awaited<ReturnType<typeof seedMetricsFixture>>;

beforeAll(async () => {
  fixture = await seedMetricsFixture(admin, {
    organizationPrefix: `metrics-${Date.now().toString(36)}`,
    monthsAgoOffset: 30,
  });
});

afterAll(async () => {
  await admin.$disconnect();
  await db.$disconnect();
});

describe("the SQL reader", () => {
  it("computes every fixture month exactly", async () => {
    const now = new Date();
    for (const [index, month] of fixture.months.entries()) {
      const facts = await computeMonthFromLog(month, now);
      const metrics = deriveMetrics(facts, {
        spend: fixture.spend[index]!.amount,
        grossMargin: fixtureGrossMargin,
      });
      expect(metrics).toEqual({
        version: 1,
        month: fixture.monthKeys[index],
        ...fixture.expected[index],
      });
    }
  });

  it("takes the row written last when two events share an instant", async () => {
    const month = addMonths(monthStart(new Date()), -45);
    const org = await admin.organization.create({
      data: { slug: `metrics-tie-${Date.now().toString(36)}`, name: "tie" },
    });
    const occurredAt = new Date(month.getTime() + 3 * 86_400_000);
    for (const seats of [1, 3]) {
      await admin.billingEvent.create({
        data: {
          organizationId: org.id,
          type: "subscription.seats_changed",
          toStatus: "ACTIVE",
          plan: "pro",
          seats,
          interval: "month",
          unitAmount: 1200,
          occurredAt,
        },
      });
    }
    expect((await computeMonthFromLog(month, new Date())).mrr).toBe(3600);
    // Gone again long before the fixture's months.
    await admin.billingEvent.create({
      data: {
        organizationId: org.id,
        type: "subscription.canceled",
        toStatus: "CANCELED",
        plan: "free",
        seats: 3,
        occurredAt: addMonths(month, 1),
      },
    });
  });

  it("sees no billing event outside the console's cross-organization scope", async () => {
    const visible = await withScope({}, (tx) =>
      tx.billingEvent.count({ where: { organizationId: { in: fixture.organizationIds } } }),
    );
    expect(visible).toBe(0);
  });
});

describe("snapshots", () => {
  // A "now" a month after the fixture, so its six months are closed months of the window.
  const nowAfterFixture = () =>
    new Date(addMonths(fixture.months[5]!, 1).getTime() + 9 * 86_400_000);

  it("are computed for missing months, then read back instead of recomputed", async () => {
    const now = nowAfterFixture();
    const first = await loadMonthFacts(now);
    expect(first).toHaveLength(25);
    const byMonth = new Map(first.map((facts) => [facts.month, facts]));
    fixture.monthKeys.forEach((key, index) => {
      expect(byMonth.get(key)?.mrr).toBe(fixture.expected[index]!.mrr);
    });
    expect(await admin.metricsSnapshot.count({ where: { month: { in: fixture.months } } })).toBe(6);

    // A stored closed month is trusted: change it behind the engine's back and it shows.
    const m3 = fixture.months[2]!;
    const stored = await admin.metricsSnapshot.findUniqueOrThrow({ where: { month: m3 } });
    await admin.metricsSnapshot.update({
      where: { month: m3 },
      data: { data: { ...(stored.data as object), mrr: 1 } },
    });
    const second = await loadMonthFacts(now);
    expect(second.find((facts) => facts.month === fixture.monthKeys[2])?.mrr).toBe(1);

    // One computed before its month closed is not: it is recomputed from the log.
    await admin.metricsSnapshot.update({ where: { month: m3 }, data: { computedAt: m3 } });
    const third = await loadMonthFacts(now);
    expect(third.find((facts) => facts.month === fixture.monthKeys[2])?.mrr).toBe(
      fixture.expected[2]!.mrr,
    );
  });

  it("recompute the month in progress once its snapshot is a day old", async () => {
    const now = nowAfterFixture();
    const current = addMonths(fixture.months[5]!, 1);
    await loadMonthFacts(now);
    await admin.metricsSnapshot.update({
      where: { month: current },
      data: {
        data: { ...(await snapshotData(current)), mrr: 7 },
        computedAt: new Date(now.getTime() - 3_600_000),
      },
    });
    expect((await loadMonthFacts(now)).at(-1)?.mrr).toBe(7);
    await admin.metricsSnapshot.update({
      where: { month: current },
      data: { computedAt: new Date(now.getTime() - 25 * 3_600_000) },
    });
    expect((await loadMonthFacts(now)).at(-1)?.mrr).toBe(fixture.expected[5]!.mrr);
  });
});

describe("the console's report", () => {
  it("computes nothing itself: months without a snapshot are queued as jobs, which fill them", async () => {
    // Its own window (49 to 25 months back), which no other test reads: the fixture's months
    // are closed months in it, and it shares none with a window ending today.
    const now = new Date(addMonths(fixture.months[5]!, 5).getTime() + 3 * 86_400_000);
    const months = reportingMonths(now);
    const inWindow = { month: { gte: months[0]!, lte: months.at(-1)! } };
    await admin.metricsSnapshot.deleteMany({ where: inWindow });
    // Nor any refresh queued by an earlier run of this test in the same database.
    await admin.outboxMessage.deleteMany({
      where: { kind: "metrics-snapshot", status: "PENDING" },
    });

    const first = await metricsReport(now);
    expect(first).toMatchObject({ status: "computing", ready: 0, total: 25 });
    expect(first.due).toEqual(months);
    expect(await admin.metricsSnapshot.count({ where: inWindow })).toBe(0);

    // Many views of the page queue each month once.
    const ids = await queueSnapshotRefresh(first.due, now);
    expect(await queueSnapshotRefresh(first.due, now)).toEqual(ids);
    expect(new Set(ids).size).toBe(25);
    expect(await runNamedJobs(ids, { now })).toEqual({ sent: 25, failed: 0, dead: 0 });

    const second = await metricsReport(now);
    if (second.status !== "ready") throw new Error(`still computing: ${second.ready} ready`);
    expect(second.due).toEqual([]);
    const byMonth = new Map(second.months.map((month) => [month.month, month]));
    fixture.monthKeys.forEach((key, index) => {
      expect(byMonth.get(key)).toMatchObject({
        mrr: fixture.expected[index]!.mrr,
        movements: fixture.expected[index]!.movements,
      });
    });
  });

  it("shows a stale month while its newer snapshot is computed", async () => {
    const now = new Date(addMonths(fixture.months[5]!, 5).getTime() + 3 * 86_400_000);
    const m2 = fixture.months[1]!;
    await admin.metricsSnapshot.update({ where: { month: m2 }, data: { computedAt: m2 } });
    const report = await metricsReport(now);
    expect(report.status).toBe("ready");
    expect(report.due).toEqual([m2]);
  });
});

describe("the metrics-snapshot job", () => {
  it("is queued once a day, before retention", async () => {
    await scheduleRecurringJobs(new Date("2031-05-04T10:00:00Z"));
    await scheduleRecurringJobs(new Date("2031-05-04T23:00:00Z"));
    const rows = await admin.outboxMessage.findMany({
      where: { kind: "metrics-snapshot", dedupeKey: "metrics-snapshot:2031-05-05" },
    });
    expect(rows.map((row) => row.availableAt.toISOString())).toEqual(["2031-05-05T02:00:00.000Z"]);
    await admin.outboxMessage.deleteMany({
      where: { kind: { in: ["metrics-snapshot", "retention"] } },
    });
  });

  it("refreshes the month in progress and the one before it", async () => {
    const startedAt = new Date();
    const id = await enqueueJob(db, "metrics-snapshot", {});
    expect(await runJobs({ ids: [id] })).toEqual({ sent: 1, failed: 0, dead: 0 });
    const current = monthStart(new Date());
    const rows = await admin.metricsSnapshot.findMany({
      where: { month: { in: [addMonths(current, -1), current] }, computedAt: { gte: startedAt } },
    });
    expect(rows).toHaveLength(2);
  });
});

async function snapshotData(month: Date) {
  return (await admin.metricsSnapshot.findUniqueOrThrow({ where: { month } })).data as object;
}
