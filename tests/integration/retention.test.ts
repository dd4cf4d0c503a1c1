import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { runJobs } from "@/lib/jobs/run";
import { scheduleRecurringJobs } from "@/lib/jobs/schedule";
import { purgeExpiredData } from "@/lib/retention/purge";
import { adminDatabase } from "../support/admin-db";
import { captureLogs } from "../support/log-capture";
import { organization, userWithSession } from "../support/tenant-request";

/**
 * Data retention purges what has expired and nothing else (never a BillingEvent, never a
 * dead letter, never an audit entry inside its plan's retention), in bounded batches.
 */

const admin = adminDatabase();
const DAY = 24 * 60 * 60_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const daysAhead = (days: number) => new Date(Date.now() + days * DAY);
let counter = 0;
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}`;

/** Purges until nothing is left, so each test starts from what it creates. */
async function purgeEverything() {
  for (let run = 0; run < 50; run++) if (!(await purgeExpiredData()).more) return;
}

beforeAll(async () => {
  await purgeEverything();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await admin.$disconnect();
  await db.$disconnect();
});

describe("purgeExpiredData", () => {
  it("deletes exactly the expired and old rows", async () => {
    const user = await userWithSession(admin, unique("retention"));
    const session = (expires: Date) =>
      admin.session.create({
        data: { userId: user.id, sessionToken: unique("token"), expires },
        select: { id: true },
      });
    const expiredSession = await session(daysAgo(1));
    const liveSession = await session(daysAhead(1));

    const token = (expiresAt: Date) =>
      admin.authToken.create({
        data: {
          purpose: "PASSWORD_RESET",
          tokenHash: unique("hash"),
          email: user.email,
          userId: user.id,
          expiresAt,
        },
        select: { id: true },
      });
    const expiredToken = await token(daysAgo(1));
    const liveToken = await token(daysAhead(1));
    const expiredVerification = unique("vt");
    const liveVerification = unique("vt");
    await admin.verificationToken.createMany({
      data: [
        { identifier: user.email, token: expiredVerification, expires: daysAgo(1) },
        { identifier: user.email, token: liveVerification, expires: daysAhead(1) },
      ],
    });

    const job = (status: "SENT" | "DEAD" | "PENDING", days: number) =>
      admin.outboxMessage.create({
        data: {
          kind: "email",
          payload: {},
          status,
          createdAt: daysAgo(days),
          availableAt: daysAhead(365),
          sentAt: status === "SENT" ? daysAgo(days) : null,
        },
        select: { id: true },
      });
    const oldJob = await job("SENT", 31);
    const recentJob = await job("SENT", 29);
    const oldDead = await job("DEAD", 200);
    const oldPending = await job("PENDING", 200);

    const oldEvent = unique("evt_old");
    const recentEvent = unique("evt_recent");
    await admin.stripeEvent.createMany({
      data: [
        { id: oldEvent, type: "invoice.paid", createdAt: daysAgo(91), processedAt: daysAgo(91) },
        { id: recentEvent, type: "invoice.paid", createdAt: daysAgo(89), processedAt: daysAgo(89) },
      ],
    });

    const free = await organization(admin, unique("free"), { plan: "free", status: "FREE" });
    const business = await organization(admin, unique("biz"));
    const billingEvent = await admin.billingEvent.create({
      data: { organizationId: free.id, type: "invoice.paid", occurredAt: daysAgo(4000) },
      select: { id: true },
    });
    const audit = (organizationId: string, days: number) =>
      admin.auditLog.create({
        data: { organizationId, action: "project.created", createdAt: daysAgo(days) },
        select: { id: true },
      });
    const freeOld = await audit(free.id, 91);
    const freeRecent = await audit(free.id, 89);
    const businessOld = await audit(business.id, 400);
    const businessAncient = await audit(business.id, 8 * 365);
    const accountEntry = await admin.auditLog.create({
      data: { action: "auth.sign_in", actorId: user.id, createdAt: daysAgo(4000) },
      select: { id: true },
    });

    const result = await purgeExpiredData();
    expect(result.more).toBe(false);
    expect(result.counts).toEqual({
      sessions: 1,
      authTokens: 1,
      verificationTokens: 1,
      accountExports: 0,
      jobs: 1,
      stripeEventIds: 1,
      auditEntries: 2,
    });

    const gone = async (rows: Promise<unknown>[]) => (await Promise.all(rows)).every((r) => !r);
    const kept = async (rows: Promise<unknown>[]) => (await Promise.all(rows)).every(Boolean);
    expect(
      await gone([
        admin.session.findUnique({ where: { id: expiredSession.id } }),
        admin.authToken.findUnique({ where: { id: expiredToken.id } }),
        admin.verificationToken.findUnique({ where: { token: expiredVerification } }),
        admin.outboxMessage.findUnique({ where: { id: oldJob.id } }),
        admin.stripeEvent.findUnique({ where: { id: oldEvent } }),
        admin.auditLog.findUnique({ where: { id: freeOld.id } }),
        admin.auditLog.findUnique({ where: { id: businessAncient.id } }),
      ]),
    ).toBe(true);
    expect(
      await kept([
        admin.session.findUnique({ where: { id: liveSession.id } }),
        admin.authToken.findUnique({ where: { id: liveToken.id } }),
        admin.verificationToken.findUnique({ where: { token: liveVerification } }),
        admin.outboxMessage.findUnique({ where: { id: recentJob.id } }),
        admin.outboxMessage.findUnique({ where: { id: oldDead.id } }),
        admin.outboxMessage.findUnique({ where: { id: oldPending.id } }),
        admin.stripeEvent.findUnique({ where: { id: recentEvent } }),
        admin.billingEvent.findUnique({ where: { id: billingEvent.id } }),
        admin.auditLog.findUnique({ where: { id: freeRecent.id } }),
        admin.auditLog.findUnique({ where: { id: businessOld.id } }),
        admin.auditLog.findUnique({ where: { id: accountEntry.id } }),
      ]),
    ).toBe(true);
    await admin.outboxMessage.deleteMany({ where: { id: { in: [oldDead.id, oldPending.id] } } });
  });

  it("deletes at most a batch per purge and says more is left", async () => {
    const user = await userWithSession(admin, unique("batch"));
    await admin.session.createMany({
      data: Array.from({ length: 5 }, () => ({
        userId: user.id,
        sessionToken: unique("batch-token"),
        expires: daysAgo(2),
      })),
    });
    const remaining = () =>
      admin.session.count({ where: { userId: user.id, expires: { lt: new Date() } } });

    const first = await purgeExpiredData({ batchSize: 2 });
    expect(first.counts.sessions).toBe(2);
    expect(first.more).toBe(true);
    expect(await remaining()).toBe(3);
    const second = await purgeExpiredData({ batchSize: 2 });
    expect(second.counts.sessions).toBe(2);
    const third = await purgeExpiredData({ batchSize: 2 });
    expect(third).toMatchObject({ counts: { sessions: 1 }, more: false });
    expect(await remaining()).toBe(0);
  });

  it("visits a bounded number of organizations per run and goes on where it stopped", async () => {
    // Three Free organizations (90 days of audit log), each with one entry past it.
    const ids: string[] = [];
    const old: string[] = [];
    for (let i = 0; i < 3; i++) {
      const org = await organization(admin, unique("pass"), { plan: "free", status: "FREE" });
      ids.push(org.id);
      const entry = await admin.auditLog.create({
        data: { organizationId: org.id, action: "project.created", createdAt: daysAgo(120) },
        select: { id: true },
      });
      old.push(entry.id);
    }
    ids.sort();
    const left = () => admin.auditLog.count({ where: { id: { in: old } } });

    // One organization per run, from the first of these: it stops after it (other tests'
    // organizations may sit between ours in id order).
    const first = await purgeExpiredData({ auditFrom: ids[0], organizationsPerRun: 1 });
    expect(first.more).toBe(true);
    expect(first.auditFrom! > ids[0]! && first.auditFrom! <= ids[1]!).toBe(true);
    expect(await left()).toBe(2);
    // The next run starts there and goes on through the other two.
    await purgeExpiredData({ auditFrom: first.auditFrom!, organizationsPerRun: 1_000 });
    expect(await left()).toBe(0);
  });
});

describe("the retention job", () => {
  it("is queued once a day, ahead of time, and logs its counts when it runs", async () => {
    const now = new Date("2031-05-04T10:00:00Z");
    await scheduleRecurringJobs(now);
    await scheduleRecurringJobs(new Date("2031-05-04T23:00:00Z"));
    const rows = await admin.outboxMessage.findMany({
      where: { kind: "retention", dedupeKey: "retention:2031-05-05" },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.availableAt.toISOString()).toBe("2031-05-05T03:00:00.000Z");

    await admin.outboxMessage.deleteMany({ where: { kind: "retention" } });

    const user = await userWithSession(admin, unique("job"));
    const expired = await admin.session.create({
      data: { userId: user.id, sessionToken: unique("job-token"), expires: daysAgo(1) },
    });
    const { enqueueJob } = await import("@/lib/jobs/enqueue");
    const id = await enqueueJob(db, "retention", {});
    const logs = captureLogs();
    const result = await runJobs({ ids: [id] });
    logs.restore();
    expect(result).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(await admin.session.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(logs.at("info")).toContainEqual(
      expect.objectContaining({
        msg: "[retention] purged expired data",
        purged: expect.objectContaining({ sessions: expect.any(Number) }),
      }),
    );
    await admin.outboxMessage.deleteMany({ where: { kind: "retention" } });
  });
});
