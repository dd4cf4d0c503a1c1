import { renderToStaticMarkup } from "react-dom/server";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import JobsPage from "@/app/admin/jobs/page";
import { POST } from "@/app/api/webhooks/stripe/route";
import {
  discardJobAction,
  discardStripeEventAction,
  retryJobAction,
  retryStripeEventAction,
} from "@/lib/admin/actions/jobs";
import { listDeadJobsForConsole } from "@/lib/admin/jobs/dead-jobs";
import { jobsOverview } from "@/lib/admin/jobs/overview";
import { listFailedStripeEvents } from "@/lib/admin/jobs/stripe-failures";
import { stripe } from "@/lib/billing/stripe/client";
import { adminDatabase } from "../support/admin-db";
import { paidOrganization } from "../support/billing-fixtures";
import { captureLogs } from "../support/log-capture";
import { staffWithSession } from "../support/staff";
import { signedRequest } from "../support/stripe-test";
import { callAs } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * The operator console's jobs and webhooks health: failed Stripe events and dead jobs as staff
 * see them, and what retry and discard change and leave in the audit log.
 */

const admin = adminDatabase();
const reason = "Customer reported a missing upgrade";
let staff: Awaited<ReturnType<typeof staffWithSession>>;
let logs: ReturnType<typeof captureLogs>;

beforeAll(async () => {
  staff = await staffWithSession(admin, "jobs");
  logs = captureLogs();
});
beforeEach(() => {
  vi.restoreAllMocks();
  callAs(staff.token);
});
afterAll(async () => {
  logs.restore();
  await admin.$disconnect();
});

function stripeDown(message = "connection reset") {
  return vi
    .spyOn(stripe().subscriptions, "retrieve")
    .mockRejectedValue(Object.assign(new Error(message), { statusCode: 500 }));
}

/** An organization whose subscription.created event failed once at the webhook. */
async function failedEvent(label: string) {
  const paid = await paidOrganization(admin, label);
  const event = paid.events.find((e) => e.type === "customer.subscription.created")!;
  const down = stripeDown();
  expect((await POST(signedRequest(JSON.stringify(event)))).status).toBe(503);
  down.mockRestore();
  callAs(staff.token);
  return { ...paid, event: event as Stripe.Event };
}

const auditOf = (action: string, targetId: string) =>
  admin.auditLog.findMany({ where: { action, targetId }, orderBy: { createdAt: "asc" } });

describe("failed Stripe events", () => {
  it("are listed with the organization, attempts and error", async () => {
    const { event, org, customerId } = await failedEvent("jobs-list");
    const listed = (await listFailedStripeEvents()).find((row) => row.id === event.id);
    expect(listed).toMatchObject({
      type: "customer.subscription.created",
      customerId,
      organization: { id: org.id, name: "jobs-list", slug: org.slug },
      attempts: 1,
      lastError: expect.stringContaining("connection reset"),
    });
    expect((await jobsOverview()).failedStripeEvents).toBeGreaterThanOrEqual(1);
  });

  it("a retry that fails again counts the attempt and shows the error; one that works applies it once", async () => {
    const { event, org, subscription } = await failedEvent("jobs-retry");
    const down = stripeDown("Stripe is still down");
    const again = await retryStripeEventAction({ eventId: event.id, reason });
    // One short attempt while the operator waits: no SDK retry, a timeout.
    expect(down).toHaveBeenCalledWith(
      subscription.id,
      {},
      expect.objectContaining({ maxNetworkRetries: 0, timeout: expect.any(Number) }),
    );
    down.mockRestore();
    expect(again).toEqual({
      ok: true,
      data: { resolved: false, attempts: 2, error: expect.stringContaining("still down") },
    });
    expect((await listFailedStripeEvents()).map((row) => row.id)).toContain(event.id);

    const retried = await retryStripeEventAction({ eventId: event.id, reason });
    expect(retried).toEqual({ ok: true, data: { resolved: true, outcome: "applied" } });
    expect(await admin.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      organizationId: org.id,
      outcome: "retried",
    });
    const failure = await admin.stripeEventFailure.findUniqueOrThrow({ where: { id: event.id } });
    expect(failure.resolvedAt).not.toBeNull();
    expect((await listFailedStripeEvents()).map((row) => row.id)).not.toContain(event.id);
    const row = await admin.subscription.findUniqueOrThrow({ where: { organizationId: org.id } });
    expect(row.status).toBe("TRIALING");
    expect(await admin.billingEvent.count({ where: { stripeEventId: event.id } })).toBe(1);

    const audit = await auditOf("staff.stripe_event_retried", event.id);
    expect(audit.map((entry) => [entry.actorId, entry.targetType])).toEqual([
      [staff.id, "stripe_event"],
      [staff.id, "stripe_event"],
    ]);
    expect(audit.map((entry) => entry.metadata)).toEqual([
      expect.objectContaining({ reason, result: "failed", organizationId: org.id }),
      expect.objectContaining({ reason, result: "applied" }),
    ]);

    // Resolved: nothing left to retry or discard.
    expect(await retryStripeEventAction({ eventId: event.id, reason })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await discardStripeEventAction({ eventId: event.id, reason })).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it("a discard hides it for good, keeps the row and writes the reason to the audit log", async () => {
    const { event, org } = await failedEvent("jobs-discard");
    expect(await discardStripeEventAction({ eventId: event.id, reason })).toEqual({
      ok: true,
      data: { id: event.id },
    });
    expect(
      await admin.stripeEventFailure.findUniqueOrThrow({ where: { id: event.id } }),
    ).toMatchObject({ discardedById: staff.id, resolvedAt: null, discardedAt: expect.any(Date) });
    expect((await listFailedStripeEvents()).map((row) => row.id)).not.toContain(event.id);
    const [entry] = await auditOf("staff.stripe_event_discarded", event.id);
    expect(entry?.metadata).toMatchObject({ reason, organizationId: org.id, attempts: 1 });
    expect(await retryStripeEventAction({ eventId: event.id, reason })).toMatchObject({
      status: 404,
    });
  });

  it("asks for a reason and refuses made-up ids", async () => {
    const { event } = await failedEvent("jobs-reason");
    const missing = await retryStripeEventAction({ eventId: event.id });
    expect(missing).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { reason: expect.any(String) },
    });
    expect(await discardStripeEventAction({ eventId: event.id, reason: "no" })).toMatchObject({
      status: 422,
    });
    expect(await retryStripeEventAction({ eventId: "evt_made_up", reason })).toMatchObject({
      status: 404,
    });
    expect(await auditOf("staff.stripe_event_retried", event.id)).toEqual([]);
  });
});

async function deadJob(kind: string, to: string) {
  return admin.outboxMessage.create({
    data: {
      kind,
      status: "DEAD",
      attempts: 8,
      payload: { template: "welcome", to, subject: "Hi", html: "<a href='/t/secret'>", text: "x" },
      lastError: `550 mailbox ${to} unavailable`,
    },
  });
}

describe("dead jobs", () => {
  it("are listed with the recipient and the error partly masked", async () => {
    const to = `grace.hopper.${Date.now()}@navy.example.test`;
    const job = await deadJob("email", to);
    const listed = (await listDeadJobsForConsole()).find((row) => row.id === job.id);
    expect(listed).toMatchObject({
      kind: "email",
      attempts: 8,
      recipient: "g•••@navy.example.test",
    });
    expect(listed?.lastError).toBe("550 mailbox g•••@navy.example.test unavailable");
    expect(JSON.stringify(listed)).not.toContain("grace.hopper");
  });

  it("a retry queues the job again with fresh attempts and is audited", async () => {
    const job = await deadJob("email", `retry-${Date.now()}@example.test`);
    expect(await retryJobAction({ jobId: job.id, reason })).toEqual({
      ok: true,
      data: { id: job.id, kind: "email" },
    });
    expect(await admin.outboxMessage.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "PENDING",
      attempts: 0,
    });
    const [entry] = await auditOf("staff.job_retried", job.id);
    expect(entry).toMatchObject({ actorId: staff.id, targetType: "job" });
    expect(entry?.metadata).toMatchObject({ reason, kind: "email", attempts: 8 });
    // No longer dead: neither retried nor discarded again.
    expect(await retryJobAction({ jobId: job.id, reason })).toMatchObject({ status: 404 });
    expect(await discardJobAction({ jobId: job.id, reason })).toMatchObject({ status: 404 });
  });

  it("a discard deletes the job; the audit entry keeps what it was", async () => {
    const to = `discard-${Date.now()}@example.test`;
    const job = await deadJob("email", to);
    expect(await discardJobAction({ jobId: job.id, reason })).toMatchObject({ ok: true });
    expect(await admin.outboxMessage.count({ where: { id: job.id } })).toBe(0);
    const [entry] = await auditOf("staff.job_discarded", job.id);
    expect(entry?.metadata).toMatchObject({
      reason,
      kind: "email",
      attempts: 8,
      recipient: "d•••@example.test",
    });
    expect(JSON.stringify(entry?.metadata)).not.toContain(to);
  });
});

describe("queue overview", () => {
  it("counts pending, running and dead jobs per kind with the oldest pending age", async () => {
    const kind = `console-${Date.now().toString(36)}`;
    const now = Date.now();
    await admin.outboxMessage.createMany({
      data: [
        { kind, payload: {}, availableAt: new Date(now - 15 * 60_000) },
        { kind, payload: {}, availableAt: new Date(now + 60 * 60_000) },
        { kind, payload: {}, lockedUntil: new Date(now + 60_000) },
        { kind, payload: {}, status: "DEAD" },
        { kind, payload: {}, status: "SENT", sentAt: new Date() },
      ],
    });
    const row = (await jobsOverview()).kinds.find((stats) => stats.kind === kind);
    expect(row).toMatchObject({ pending: 2, running: 1, dead: 1 });
    expect(row?.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(15 * 60);
  });
});

describe("the /admin/jobs page", () => {
  it("shows failed events and dead jobs to staff, with masked recipients and the notice of the last action", async () => {
    const { event } = await failedEvent("jobs-page");
    const to = `page-reader-${Date.now()}@example.test`;
    const job = await deadJob("email", to);
    const html = renderToStaticMarkup(
      await JobsPage({ searchParams: Promise.resolve({ done: "job-retried" }) }),
    );
    expect(html).toContain(event.id);
    expect(html).toContain(job.id);
    expect(html).toContain("p•••@example.test");
    expect(html).not.toContain(to);
    expect(html).toContain("The job is back in the queue");
    expect(html).toContain("Retry or discard");
  });
});
