import { afterAll, describe, expect, it, vi } from "vitest";
import * as auditExportApi from "@/app/api/audit/export/route";
import * as projectsApi from "@/app/api/projects/route";
import { stripe } from "@/lib/billing/stripe/client";
import { runJobs } from "@/lib/jobs/run";
import { acceptInvitationByIdAction, inviteMemberAction } from "@/lib/invitations/actions";
import { removeMemberAction } from "@/lib/members/actions";
import {
  createProjectAction,
  listProjectsAction,
  updateProjectAction,
} from "@/lib/projects/actions";
import { adminDatabase } from "../support/admin-db";
import { deliverRecordedEvents, paidOrganization } from "../support/billing-fixtures";
import { emulatorClient, emulatorControl } from "../support/stripe-test";
import { callAs, organization, tenantRequest, userWithSession } from "../support/tenant-request";
import { captureLogs } from "../support/log-capture";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * Plan limits in the data layer: what a Free, a paying, a past-due and a canceled
 * organization may do, through the same actions and routes the UI uses; and seat
 * quantities at Stripe following the member count.
 */

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});

const DAY = 24 * 60 * 60 * 1000;

async function freeOrganization(label: string) {
  const org = await organization(admin, label, { plan: "free", status: "FREE" });
  const owner = await userWithSession(admin, `${label}-owner`, {
    organizationId: org.id,
    role: "OWNER",
  });
  return { org, owner };
}

function apiRequest(method: string, body?: unknown) {
  const headers = new Headers(tenantRequest.headers);
  headers.set("origin", `http://${headers.get("host")}`);
  if (tenantRequest.cookie) headers.set("cookie", `keel.session=${tenantRequest.cookie}`);
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://${headers.get("host")}/api/projects`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

describe("limits of the Free plan", () => {
  it("a fourth project is refused with 402 and an upgrade code; nothing is written", async () => {
    const { org, owner } = await freeOrganization("ent-projects");
    callAs(owner.token, org.slug);
    for (let i = 1; i <= 3; i++) {
      expect(await createProjectAction({ name: `Project ${i}` })).toMatchObject({ ok: true });
    }
    const fourth = await createProjectAction({ name: "Project 4" });
    // What the next plan in the catalog gives, and the billing page for an owner.
    expect(fourth).toEqual({
      ok: false,
      status: 402,
      code: "plan_limit",
      upgrade: "link",
      error: "Your Free plan includes 3 projects. Pro includes 100 projects.",
    });
    expect(await admin.project.count({ where: { organizationId: org.id } })).toBe(3);

    // A member cannot open the billing page: the same facts, and no link to it.
    const member = await userWithSession(admin, "ent-projects-member", {
      organizationId: org.id,
      role: "MEMBER",
    });
    callAs(member.token, org.slug);
    const refused = await createProjectAction({ name: "Project 5" });
    expect(refused).toMatchObject({ ok: false, status: 402, code: "plan_limit", upgrade: "ask" });
    expect(await admin.project.count({ where: { organizationId: org.id } })).toBe(3);
  });

  it("invitations count as seats: the fourth person is refused", async () => {
    const { org, owner } = await freeOrganization("ent-seats");
    await userWithSession(admin, "ent-seats-member", { organizationId: org.id, role: "MEMBER" });
    callAs(owner.token, org.slug);
    expect(await inviteMemberAction({ email: "third@example.test", role: "MEMBER" })).toMatchObject(
      { ok: true },
    );
    // Sending the same invitation again takes no new seat.
    expect(await inviteMemberAction({ email: "third@example.test", role: "MEMBER" })).toMatchObject(
      { ok: true },
    );
    const fourth = await inviteMemberAction({ email: "fourth@example.test", role: "MEMBER" });
    expect(fourth).toMatchObject({
      ok: false,
      status: 402,
      code: "plan_limit",
      upgrade: "link",
      error:
        "Your Free plan includes 3 members, pending invitations included. Pro includes 25 members.",
    });
    expect(await admin.invitation.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it("the JSON API answers 402 with a JSON body; the pages' actions still work", async () => {
    const { org, owner } = await freeOrganization("ent-api");
    callAs(owner.token, org.slug);
    const response = await projectsApi.GET(apiRequest("GET"));
    expect(response.status).toBe(402);
    expect(await response.json()).toMatchObject({
      code: "plan_limit",
      error: expect.stringMatching(/JSON API/),
    });
    const created = await projectsApi.POST(apiRequest("POST", { name: "Via API" }));
    expect(created.status).toBe(402);
    expect(await admin.project.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await listProjectsAction({})).toMatchObject({ ok: true });
  });

  it("the JSON API still refuses strangers with 404, not with a plan message", async () => {
    const { org } = await freeOrganization("ent-api-stranger");
    const stranger = await userWithSession(admin, "ent-stranger");
    callAs(stranger.token, org.slug);
    const response = await projectsApi.GET(apiRequest("GET"));
    expect(response.status).toBe(404);
  });
});

describe("a paid plan, and losing it", () => {
  it("a Pro organization has API access and more room", async () => {
    const org = await organization(admin, "ent-pro", { plan: "pro", status: "ACTIVE" });
    const owner = await userWithSession(admin, "ent-pro-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    callAs(owner.token, org.slug);
    const response = await projectsApi.POST(apiRequest("POST", { name: "Via API" }));
    expect(response.status).toBe(200);
    for (let i = 0; i < 4; i++) {
      expect(await createProjectAction({ name: `P${i}` })).toMatchObject({ ok: true });
    }
  });

  it("a canceled subscription falls back to Free limits and keeps every project", async () => {
    const org = await organization(admin, "ent-canceled", { plan: "free", status: "CANCELED" });
    const owner = await userWithSession(admin, "ent-canceled-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    await admin.project.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({ organizationId: org.id, name: `Kept ${i}` })),
    });
    callAs(owner.token, org.slug);
    const list = await listProjectsAction({});
    expect(list.ok && list.data.total).toBe(5);
    expect(await createProjectAction({ name: "Sixth" })).toMatchObject({ ok: false, status: 402 });
  });
});

describe("audit-log export, a Business feature", () => {
  const exportRequest = () =>
    new Request(
      `http://${tenantRequest.headers.get("host")}/api/audit/export?action=project.created`,
      {
        headers: tenantRequest.headers,
      },
    );

  it("downloads the filtered log as CSV on Business", async () => {
    const org = await organization(admin, "ent-export", { plan: "business", status: "ACTIVE" });
    const owner = await userWithSession(admin, "ent-export-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    callAs(owner.token, org.slug);
    expect(await createProjectAction({ name: "=cmd|' /C calc'!A0" })).toMatchObject({ ok: true });
    await admin.auditLog.create({
      data: { organizationId: org.id, action: "organization.updated" },
    });
    const response = await auditExportApi.GET(exportRequest());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="audit-log-/);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("time,action,actor,target_type,target_id,ip_address,details,summary");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("project.created");
    expect(lines[1]).toContain(owner.email);
  });

  it("is refused with 402 on Pro, and with 403 to a member on Business", async () => {
    const pro = await organization(admin, "ent-export-pro", { plan: "pro", status: "ACTIVE" });
    const owner = await userWithSession(admin, "ent-export-pro-owner", {
      organizationId: pro.id,
      role: "OWNER",
    });
    callAs(owner.token, pro.slug);
    const refused = await auditExportApi.GET(exportRequest());
    expect(refused.status).toBe(402);
    expect(await refused.json()).toMatchObject({ code: "plan_limit" });

    const business = await organization(admin, "ent-export-member", {
      plan: "business",
      status: "ACTIVE",
    });
    const member = await userWithSession(admin, "ent-export-member", {
      organizationId: business.id,
      role: "MEMBER",
    });
    callAs(member.token, business.slug);
    expect((await auditExportApi.GET(exportRequest())).status).toBe(403);
  });
});

describe("past due", () => {
  it("keeps working during the grace period", async () => {
    const org = await organization(admin, "ent-grace", { plan: "pro", status: "ACTIVE" });
    await admin.subscription.update({
      where: { organizationId: org.id },
      data: { status: "PAST_DUE", pastDueSince: new Date(Date.now() - 2 * DAY) },
    });
    const owner = await userWithSession(admin, "ent-grace-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    callAs(owner.token, org.slug);
    expect(await createProjectAction({ name: "Still fine" })).toMatchObject({ ok: true });
  });

  it("after the grace period, writes are refused with a clear message and reads go on", async () => {
    const org = await organization(admin, "ent-readonly", { plan: "pro", status: "ACTIVE" });
    const project = await admin.project.create({
      data: { organizationId: org.id, name: "Existing" },
    });
    await admin.subscription.update({
      where: { organizationId: org.id },
      data: { status: "PAST_DUE", pastDueSince: new Date(Date.now() - 8 * DAY) },
    });
    const owner = await userWithSession(admin, "ent-readonly-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    callAs(owner.token, org.slug);

    const created = await createProjectAction({ name: "Refused" });
    expect(created).toMatchObject({ ok: false, status: 402, code: "read_only" });
    if (!created.ok) expect(created.error).toMatch(/read-only until its overdue invoice is paid/);
    expect(await updateProjectAction({ id: project.id, name: "Renamed" })).toMatchObject({
      status: 402,
    });
    expect(await inviteMemberAction({ email: "late@example.test", role: "MEMBER" })).toMatchObject({
      status: 402,
    });
    expect(await listProjectsAction({})).toMatchObject({ ok: true });
    expect((await admin.project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe(
      "Existing",
    );
  });

  it("paying the invoice lifts read-only (through Stripe's events)", async () => {
    const paid = await paidOrganization(admin, "ent-recover");
    await emulatorControl(paid.subscription.id, "end_trial");
    await emulatorControl(paid.subscription.id, "fail_renewal");
    await deliverRecordedEvents(paid.customerId);
    // The failure happened long ago as far as the grace period is concerned.
    await admin.subscription.update({
      where: { organizationId: paid.org.id },
      data: { pastDueSince: new Date(Date.now() - 30 * DAY) },
    });
    callAs(paid.owner.token, paid.org.slug);
    expect(await createProjectAction({ name: "Blocked" })).toMatchObject({
      status: 402,
      code: "read_only",
    });

    await emulatorControl(paid.subscription.id, "pay_open_invoice");
    await deliverRecordedEvents(paid.customerId);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row).toMatchObject({ status: "ACTIVE", pastDueSince: null });
    expect(await createProjectAction({ name: "Back in business" })).toMatchObject({ ok: true });
  });
});

describe("seats follow membership", () => {
  /** Runs the organization's queued seat syncs (jobs that run after the response). */
  async function runSeatSyncs(organizationId: string) {
    const jobs = await admin.outboxMessage.findMany({
      where: { kind: "seat-sync", payload: { path: ["organizationId"], equals: organizationId } },
      select: { id: true },
    });
    return runJobs({ ids: jobs.map((job) => job.id) });
  }

  async function seatsAtStripe(subscriptionId: string) {
    return (await emulatorClient().subscriptions.retrieve(subscriptionId)).items.data[0]!.quantity;
  }

  it("joining and removing members update the quantity at Stripe, prorated", async () => {
    const paid = await paidOrganization(admin, "seat-sync");
    await deliverRecordedEvents(paid.customerId);
    expect(await seatsAtStripe(paid.subscription.id)).toBe(1);

    const joiner = await userWithSession(admin, "seat-joiner");
    callAs(paid.owner.token, paid.org.slug);
    const invited = await inviteMemberAction({ email: joiner.email, role: "MEMBER" });
    if (!invited.ok) throw new Error(invited.error);
    callAs(joiner.token);
    expect(
      await acceptInvitationByIdAction({ invitationId: invited.data.invitationId }),
    ).toMatchObject({ ok: true });
    // The seat sync is a job: it runs after the response.
    await runSeatSyncs(paid.org.id);
    expect(await seatsAtStripe(paid.subscription.id)).toBe(2);
    expect(
      (await admin.subscription.findUniqueOrThrow({ where: { organizationId: paid.org.id } }))
        .seats,
    ).toBe(2);

    const membership = await admin.membership.findFirstOrThrow({
      where: { organizationId: paid.org.id, userId: joiner.id },
    });
    callAs(paid.owner.token, paid.org.slug);
    expect(await removeMemberAction({ membershipId: membership.id })).toMatchObject({ ok: true });
    await runSeatSyncs(paid.org.id);
    expect(await seatsAtStripe(paid.subscription.id)).toBe(1);
  });

  it("a Stripe outage does not undo the membership change; reconciliation catches up", async () => {
    const paid = await paidOrganization(admin, "seat-outage");
    await deliverRecordedEvents(paid.customerId);
    const joiner = await userWithSession(admin, "seat-outage-joiner");
    callAs(paid.owner.token, paid.org.slug);
    const invited = await inviteMemberAction({ email: joiner.email, role: "MEMBER" });
    if (!invited.ok) throw new Error(invited.error);

    const { default: Stripe } = await import("stripe");
    const retrieve = vi
      .spyOn(stripe().subscriptions, "retrieve")
      .mockRejectedValueOnce(new Stripe.errors.StripeConnectionError({ message: "down" }));
    const logs = captureLogs();
    callAs(joiner.token);
    expect(
      await acceptInvitationByIdAction({ invitationId: invited.data.invitationId }),
    ).toMatchObject({ ok: true });
    // The seat sync job meets the outage and is rescheduled.
    expect(await runSeatSyncs(paid.org.id)).toEqual({ sent: 0, failed: 1, dead: 0 });
    retrieve.mockRestore();
    logs.restore();
    expect(logs.at("warn")).not.toHaveLength(0);
    expect(await admin.membership.count({ where: { organizationId: paid.org.id } })).toBe(2);
    expect(await seatsAtStripe(paid.subscription.id)).toBe(1);

    const { reconcileBilling } = await import("@/lib/billing/subscription/reconcile");
    // Its row last heard from Stripe long ago: the sweep re-reads it and fixes the seats.
    await admin.subscription.update({
      where: { organizationId: paid.org.id },
      data: { stripeUpdatedAt: new Date(Date.now() - 7 * 60 * 60 * 1000) },
    });
    const result = await reconcileBilling();
    expect(result.seatsCorrected).toBeGreaterThanOrEqual(1);
    expect(await seatsAtStripe(paid.subscription.id)).toBe(2);
  });
});
