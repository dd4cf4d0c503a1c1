import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { captureLogs } from "../support/log-capture";
import { startMailCaptureServer, type MailCaptureServer } from "../support/mail-capture-server";

/**
 * The durable email path end to end: enqueue in a transaction, deliver through the
 * Resend SDK to a local capture server, and the failures in between (outage,
 * timeout after acceptance, concurrent drainers).
 *
 * lib/env/index.ts reads process.env when it is imported, so each scenario sets the
 * environment it needs and then imports the modules afresh.
 */

const CRON_SECRET = "cron-secret-for-tests-0123456789";
let logs: ReturnType<typeof captureLogs>;
const managedVariables = [
  "RESEND_API_KEY",
  "RESEND_BASE_URL",
  "CRON_SECRET",
  "KEEL_MAILBOX_DIR",
] as const;
const savedEnvironment = Object.fromEntries(managedVariables.map((n) => [n, process.env[n]]));

let capture: MailCaptureServer;
let mailboxDir: string;

async function load(environment: Partial<Record<(typeof managedVariables)[number], string>>) {
  for (const name of managedVariables) {
    const value = environment[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
  const [{ db }, { env }, enqueue, deliver, transport, route] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/env"),
    import("@/lib/outbox/enqueue"),
    import("@/lib/outbox/deliver"),
    import("@/lib/email/transport"),
    import("@/app/api/cron/outbox/route"),
  ]);
  return { db, env, ...enqueue, ...deliver, ...transport, route };
}

const withResend = () =>
  load({
    RESEND_API_KEY: "re_test_0123456789",
    RESEND_BASE_URL: capture.url,
    CRON_SECRET,
    KEEL_MAILBOX_DIR: mailboxDir,
  });

let app: Awaited<ReturnType<typeof withResend>>;

/** The client behind `db` (a lazy proxy), for spying on its methods. */
function prismaClient() {
  const client = (globalThis as { keelDb?: typeof app.db }).keelDb;
  if (!client) throw new Error("The database client has not connected yet.");
  return client;
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

async function enqueueWelcome(to: string, dedupeKey?: string): Promise<string> {
  return app.enqueueEmail(app.db, {
    to,
    template: "welcome",
    data: { name: to.split("@")[0] },
    ...(dedupeKey ? { dedupeKey } : {}),
  });
}

beforeAll(async () => {
  capture = await startMailCaptureServer();
  mailboxDir = await mkdtemp(path.join(tmpdir(), "keel-mailbox-"));
  app = await withResend();
});

beforeEach(async () => {
  capture.reset();
  await app.db.outboxMessage.deleteMany();
  // Delivery failures are logged by design; the tests read what was logged.
  logs = captureLogs();
});

afterEach(() => {
  logs.restore();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await app.db.outboxMessage.deleteMany();
  await app.db.$disconnect();
  await capture.close();
  await rm(mailboxDir, { recursive: true, force: true });
  for (const name of managedVariables) {
    const value = savedEnvironment[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
});

describe("enqueueEmail", () => {
  it("queues nothing when the transaction rolls back", async () => {
    await expect(
      app.db.$transaction(async (tx) => {
        await app.enqueueEmail(tx, { to: "ada@acme.test", template: "welcome", data: {} });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await app.db.outboxMessage.count()).toBe(0);
  });

  it("queues the rendered message with the transaction that commits", async () => {
    const id = await app.db.$transaction((tx) =>
      app.enqueueEmail(tx, { to: " ada@acme.test ", template: "welcome", data: { name: "Ada" } }),
    );
    const row = await app.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ kind: "email", status: "PENDING", attempts: 0, sentAt: null });
    expect(row.payload).toMatchObject({
      template: "welcome",
      to: "ada@acme.test",
      subject: "Welcome to Keel",
    });
    expect((row.payload as { html: string }).html).toContain("Welcome to Keel, Ada");
  });

  it("refuses an invalid recipient", async () => {
    for (const to of ["", "not-an-email", "a@b", "ada@acme.test\nBcc: x@y.test"]) {
      await expect(
        app.enqueueEmail(app.db, { to, template: "welcome", data: {} }),
      ).rejects.toBeInstanceOf(app.InvalidRecipientError);
    }
    expect(await app.db.outboxMessage.count()).toBe(0);
  });

  it("is idempotent with a dedupeKey", async () => {
    const first = await enqueueWelcome("ada@acme.test", "welcome:ada");
    const again = await enqueueWelcome("ada@acme.test", "welcome:ada");
    const inTransaction = await app.db.$transaction(async (tx) => {
      const id = await app.enqueueEmail(tx, {
        to: "ada@acme.test",
        template: "welcome",
        data: {},
        dedupeKey: "welcome:ada",
      });
      // The transaction is still usable after the duplicate.
      await tx.outboxMessage.count();
      return id;
    });
    const other = await enqueueWelcome("ada@acme.test", "welcome:someone-else");
    expect(again).toBe(first);
    expect(inTransaction).toBe(first);
    expect(other).not.toBe(first);
    expect(await app.db.outboxMessage.count()).toBe(2);

    // Still a no-op once the first one was sent.
    expect(await app.deliverOutbox()).toEqual({ sent: 2, failed: 0, dead: 0 });
    expect(await enqueueWelcome("ada@acme.test", "welcome:ada")).toBe(first);
    expect(await app.deliverOutbox()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(capture.deliveries).toHaveLength(2);
  });

  it("gives concurrent enqueues with the same dedupeKey one row", async () => {
    const ids = await Promise.all(
      Array.from({ length: 4 }, () =>
        app.db.$transaction((tx) =>
          app.enqueueEmail(tx, {
            to: "ada@acme.test",
            template: "welcome",
            data: {},
            dedupeKey: "welcome:race",
          }),
        ),
      ),
    );
    expect(new Set(ids).size).toBe(1);
    expect(await app.db.outboxMessage.count()).toBe(1);
  });
});

describe("deliverOutbox through Resend", () => {
  it("keeps messages through an outage and then delivers each exactly once", async () => {
    const recipients = ["a", "b", "c", "d", "e"].map((n) => `${n}@acme.test`);
    const ids: string[] = [];
    for (const to of recipients) ids.push(await enqueueWelcome(to));

    capture.setFailing(true);
    const before = Date.now();
    expect(await app.deliverOutbox()).toEqual({ sent: 0, failed: 5, dead: 0 });
    expect(capture.requests).toBe(5);
    expect(capture.deliveries).toHaveLength(0);

    const failed = await app.db.outboxMessage.findMany();
    for (const row of failed) {
      expect(row.status).toBe("PENDING");
      expect(row.attempts).toBe(1);
      expect(row.lockedUntil).toBeNull();
      expect(row.lastError).toContain("500");
      expect(row.lastError).not.toContain("re_test_0123456789");
      // 30 s less up to 20 % jitter.
      expect(row.availableAt.getTime()).toBeGreaterThanOrEqual(before + 24_000);
      expect(row.availableAt.getTime()).toBeLessThanOrEqual(Date.now() + 30_000);
    }
    expect(logs.at("warn")).toHaveLength(5);

    // Not due again yet: nothing is tried.
    expect(await app.deliverOutbox()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(capture.requests).toBe(5);

    capture.setFailing(false);
    expect(await app.deliverOutbox({ now: minutesFromNow(2) })).toEqual({
      sent: 5,
      failed: 0,
      dead: 0,
    });
    expect(capture.deliveries).toHaveLength(5);
    expect(capture.deliveries.map((d) => d.idempotencyKey).sort()).toEqual([...ids].sort());
    expect(capture.deliveries.map((d) => d.to).sort()).toEqual(recipients);
    for (const delivery of capture.deliveries) {
      expect(delivery.from).toBe(app.env.emailFrom);
      expect(delivery.subject).toBe("Welcome to Keel");
      expect(delivery.text).toContain(app.env.appUrl);
      expect(delivery.html).toContain("<!DOCTYPE html>");
    }

    const sent = await app.db.outboxMessage.findMany();
    for (const row of sent) {
      expect(row).toMatchObject({
        status: "SENT",
        attempts: 2,
        lastError: null,
        lockedUntil: null,
      });
      expect(row.sentAt).toBeInstanceOf(Date);
    }

    // Drained: later runs send nothing.
    expect(await app.deliverOutbox({ now: minutesFromNow(24 * 60) })).toEqual({
      sent: 0,
      failed: 0,
      dead: 0,
    });
    expect(capture.requests).toBe(10);
    expect(capture.deliveries).toHaveLength(5);
  });

  it("gives up after the last attempt and marks the message DEAD", async () => {
    const id = await enqueueWelcome("ada@acme.test");
    capture.setFailing(true);
    for (let attempt = 1; attempt < 8; attempt++) {
      const result = await app.deliverOutbox({ now: minutesFromNow(attempt * 120) });
      expect(result).toEqual({ sent: 0, failed: 1, dead: 0 });
    }
    expect(await app.deliverOutbox({ now: minutesFromNow(8 * 120) })).toEqual({
      sent: 0,
      failed: 0,
      dead: 1,
    });
    const row = await app.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "DEAD", attempts: 8, lockedUntil: null, sentAt: null });
    expect(row.lastError).toContain("500");
    expect(logs.at("error").map((entry) => entry.msg)).toContainEqual(
      expect.stringContaining(`${id} is DEAD`),
    );

    capture.setFailing(false);
    expect(await app.deliverOutbox({ now: minutesFromNow(24 * 60) })).toEqual({
      sent: 0,
      failed: 0,
      dead: 0,
    });
    expect(capture.deliveries).toHaveLength(0);
  });

  it("keeps the link's token out of the log and the stored error when Resend quotes the body", async () => {
    const token = "tok_Zt3x0ymQpL9v8kWsecret";
    const id = await app.enqueueEmail(app.db, {
      to: "ada@acme.test",
      template: "passwordReset",
      data: {
        name: "Ada",
        url: `https://keel.example/reset-password?token=${token}`,
        expiresInMinutes: 15,
      },
    });
    capture.setRejecting((body) => `Invalid \`text\`: ${String(body.text)}`);

    expect(await app.deliverOutbox()).toEqual({ sent: 0, failed: 0, dead: 1 });

    const row = await app.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.lastError).toContain("validation_error");
    expect(row.lastError).not.toContain(token);
    const logged = logs.lines;
    expect(logged.some((line) => line.includes(`${id} is DEAD`))).toBe(true);
    expect(logged.filter((line) => line.includes(token))).toEqual([]);
  });

  it("marks a message whose payload cannot be sent DEAD at once", async () => {
    const row = await app.db.outboxMessage.create({
      data: { kind: "email", payload: { to: "ada@acme.test" }, availableAt: new Date() },
    });
    expect(await app.deliverOutbox()).toEqual({ sent: 0, failed: 0, dead: 1 });
    const dead = await app.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(dead).toMatchObject({ status: "DEAD", attempts: 1 });
    expect(capture.requests).toBe(0);
  });

  it("retries a send that timed out after Resend accepted it, and delivers it once", async () => {
    const id = await enqueueWelcome("ada@acme.test");
    capture.setDelay(1_500);
    expect(await app.deliverOutbox({ sendTimeoutMs: 200 })).toEqual({
      sent: 0,
      failed: 1,
      dead: 0,
    });
    // The server got and kept the message; the client gave up waiting.
    expect(capture.deliveries).toHaveLength(1);
    const timedOut = await app.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(timedOut).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(timedOut.lastError).toMatch(/did not answer within 200 ms/);

    capture.setDelay(null);
    expect(await app.deliverOutbox({ now: minutesFromNow(2) })).toEqual({
      sent: 1,
      failed: 0,
      dead: 0,
    });
    expect(capture.requests).toBe(2);
    expect(capture.deliveries).toHaveLength(1);
    expect(capture.deliveries[0]?.idempotencyKey).toBe(id);
    expect(await app.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
  });

  it("never sends a row twice from concurrent drainers", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await enqueueWelcome(`user${i}@acme.test`));
    capture.setDelay(20);

    const results = await Promise.all([
      app.deliverOutbox({ limit: 20 }),
      app.deliverOutbox({ limit: 20 }),
      app.drainOutbox({ batchSize: 3 }),
      app.drainOutbox({ batchSize: 2 }),
    ]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(12);
    expect(results.every((r) => r.failed === 0 && r.dead === 0)).toBe(true);
    // One request per row: no row was even attempted twice.
    expect(capture.requests).toBe(12);
    expect(new Set(capture.deliveries.map((d) => d.idempotencyKey))).toEqual(new Set(ids));
    expect(await app.db.outboxMessage.count({ where: { status: "SENT" } })).toBe(12);
  });

  it("delivers only the given ids when asked to", async () => {
    const mine = await enqueueWelcome("ada@acme.test");
    const other = await enqueueWelcome("grace@acme.test");
    expect(await app.deliverOutbox({ ids: [mine] })).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(await app.deliverOutbox({ ids: [] })).toEqual({ sent: 0, failed: 0, dead: 0 });
    const rows = await app.db.outboxMessage.findMany({ where: { id: { in: [mine, other] } } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      [mine]: "SENT",
      [other]: "PENDING",
    });
  });

  it("hands back the rest of a batch untried once the deadline has passed", async () => {
    for (let i = 0; i < 3; i++) await enqueueWelcome(`user${i}@acme.test`);
    expect(await app.deliverOutbox({ deadline: Date.now() - 1 })).toEqual({
      sent: 0,
      failed: 0,
      dead: 0,
    });
    const rows = await app.db.outboxMessage.findMany();
    expect(rows.map((r) => [r.status, r.attempts, r.lockedUntil])).toEqual([
      ["PENDING", 0, null],
      ["PENDING", 0, null],
      ["PENDING", 0, null],
    ]);
    expect(await app.deliverOutbox()).toEqual({ sent: 3, failed: 0, dead: 0 });
  });
});

describe("deliverOutboxAfterResponse", () => {
  it("delivers from Next's after() and logs instead of throwing", async () => {
    const scheduled: (() => Promise<void>)[] = [];
    vi.doMock("next/server", () => ({
      after: (task: () => Promise<void>) => void scheduled.push(task),
    }));
    const { deliverOutboxAfterResponse } = await import("@/lib/outbox/after-response");
    const id = await enqueueWelcome("ada@acme.test");

    deliverOutboxAfterResponse([id]);
    expect(capture.requests).toBe(0);
    expect(scheduled).toHaveLength(1);
    await scheduled[0]?.();
    expect(capture.deliveries.map((d) => d.idempotencyKey)).toEqual([id]);

    // A broken database is logged; the cron retries later.
    vi.spyOn(prismaClient(), "$queryRaw").mockRejectedValueOnce(new Error("connection lost"));
    deliverOutboxAfterResponse();
    await expect(scheduled[1]?.()).resolves.toBeUndefined();
    expect(logs.at("error")).toContainEqual(
      expect.objectContaining({
        msg: expect.stringContaining("cron will retry"),
        err: expect.stringContaining("connection lost"),
      }),
    );
    vi.doUnmock("next/server");
  });
});

describe("cron route", () => {
  // Each drain also schedules the day's recurring jobs; between the metrics snapshot's hour
  // and retention's (02:00–03:00 UTC) the snapshot is due at once and would count as sent.
  // Noon keeps both in the future, so the counts below are the emails alone.
  beforeEach(() => {
    const today = new Date();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(
      new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 12)),
    );
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const request = (method: string, authorization?: string) =>
    new Request("http://localhost:3000/api/cron/outbox", {
      method,
      headers: authorization ? { authorization } : {},
    });

  it("refuses a request without the right bearer token", async () => {
    await enqueueWelcome("ada@acme.test");
    for (const authorization of [
      undefined,
      "Bearer",
      "Bearer wrong-secret-0123456789012",
      `Bearer ${CRON_SECRET}x`,
      `Basic ${CRON_SECRET}`,
      CRON_SECRET,
    ]) {
      const response = await app.route.GET(request("GET", authorization));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
    expect(capture.requests).toBe(0);
    expect(await app.db.outboxMessage.count({ where: { status: "PENDING" } })).toBe(1);
  });

  it("drains the outbox with the right bearer token, by GET or POST", async () => {
    for (let i = 0; i < 3; i++) await enqueueWelcome(`user${i}@acme.test`);
    const response = await app.route.GET(request("GET", `Bearer ${CRON_SECRET}`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sent: 3, failed: 0, dead: 0 });
    expect(capture.deliveries).toHaveLength(3);

    await enqueueWelcome("late@acme.test");
    capture.setFailing(true);
    const post = await app.route.POST(request("POST", `bearer ${CRON_SECRET}`));
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({ sent: 0, failed: 1, dead: 0 });
  });

  it("answers 500 without details when the database fails", async () => {
    vi.spyOn(prismaClient(), "$queryRaw").mockRejectedValueOnce(new Error("password=hunter2"));
    const response = await app.route.GET(request("GET", `Bearer ${CRON_SECRET}`));
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: string };
    expect(body.error).not.toContain("hunter2");
  });

  it("answers 503 when CRON_SECRET is not configured", async () => {
    const unconfigured = await load({
      RESEND_API_KEY: "re_test_0123456789",
      RESEND_BASE_URL: capture.url,
      KEEL_MAILBOX_DIR: mailboxDir,
    });
    const response = await unconfigured.route.GET(request("GET", "Bearer anything-at-all-here"));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: expect.stringContaining("not configured") });
  });
});

describe("dev mailbox", () => {
  let mailbox: Awaited<ReturnType<typeof load>>;

  beforeAll(async () => {
    mailbox = await load({ CRON_SECRET, KEEL_MAILBOX_DIR: mailboxDir });
  });
  beforeEach(async () => {
    await rm(mailboxDir, { recursive: true, force: true });
  });

  const message = (id: string, subject = "Hello") => ({
    id,
    to: "ada@acme.test",
    subject,
    html: "<p>Hi</p>",
    text: "Hi http://localhost:3000/x",
  });

  it("writes one message per id and logs one line per message", async () => {
    expect(mailbox.env.mailTransport).toBe("dev-mailbox");
    expect(await mailbox.listDevMailbox()).toEqual([]);

    expect(await mailbox.sendEmail(message("msg_one", "First"))).toEqual({ ok: true });
    expect(await mailbox.sendEmail(message("msg_one", "First"))).toEqual({ ok: true });
    expect(await readdir(mailboxDir)).toEqual(["msg_one.json"]);
    expect(logs.at("info").map((entry) => entry.msg)).toEqual([
      `✉ to=ada@acme.test subject="First" → ${mailbox.env.appUrl}/dev/mailbox`,
    ]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    await mailbox.sendEmail(message("msg_two", "Second"));
    const listed = await mailbox.listDevMailbox();
    expect(listed.map((m) => [m.id, m.subject])).toEqual([
      ["msg_two", "Second"],
      ["msg_one", "First"],
    ]);
    expect(listed[0]).toMatchObject({ to: "ada@acme.test", from: mailbox.env.emailFrom });
  });

  it("refuses ids that are not plain tokens", async () => {
    expect(await mailbox.sendEmail(message("../escape"))).toEqual({
      ok: false,
      error: expect.any(String),
      retryable: false,
    });
    expect(await mailbox.listDevMailbox()).toEqual([]);
  });

  it("receives what the outbox delivers", async () => {
    const id = await mailbox.enqueueEmail(mailbox.db, {
      to: "ada@acme.test",
      template: "welcome",
      data: { name: "Ada" },
    });
    expect(await mailbox.deliverOutbox()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(await mailbox.deliverOutbox({ now: minutesFromNow(60) })).toEqual({
      sent: 0,
      failed: 0,
      dead: 0,
    });
    const [received, ...rest] = await mailbox.listDevMailbox();
    expect(rest).toEqual([]);
    expect(received).toMatchObject({ id, to: "ada@acme.test", subject: "Welcome to Keel" });
    expect(capture.requests).toBe(0);
  });
});
