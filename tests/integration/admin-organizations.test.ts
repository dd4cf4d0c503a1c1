import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as auditExportApi from "@/app/api/audit/export/route";
import * as v1ProjectsApi from "@/app/api/v1/projects/route";
import {
  compPlanAction,
  deleteOrganizationAction,
  endCompAction,
  removeFlagOverrideAction,
  rereadFromStripeAction,
  setFlagOverrideAction,
  setLimitsAction,
  suspendOrganizationAction,
  unsuspendOrganizationAction,
} from "@/lib/admin/actions/organizations";
import { organizationDetail } from "@/lib/admin/organizations/detail";
import { listOrganizations } from "@/lib/admin/organizations/list";
import { displayPrefixOf, generateApiKey, hashApiKey } from "@/lib/api-keys/format";
import { requireEntitlement } from "@/lib/billing/plans/entitlements";
import { stripe } from "@/lib/billing/stripe/client";
import { billingOverview } from "@/lib/billing/subscription/overview";
import { withTenant } from "@/lib/db/tenant";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { createProjectAction } from "@/lib/projects/actions";
import {
  getCurrentMember,
  getSuspendedMembership,
  requireMember,
} from "@/lib/tenancy/current-member";
import { adminDatabase } from "../support/admin-db";
import { deliverRecordedEvents, paidOrganization } from "../support/billing-fixtures";
import { staffWithSession } from "../support/staff";
import { emulatorClient } from "../support/stripe-test";
import { callAs, organization, tenantRequest, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * The operator console's organizations: the list and page staff read, and what each staff
 * action does to the customer: comps and limits through the entitlement function, suspension
 * refused in the data layer, deletion with the Stripe cancellation, the re-read from Stripe,
 * per-organization feature flags. Every action is staff-only and audited with its reason.
 */

const admin = adminDatabase();
const DAY = 24 * 60 * 60 * 1000;
const reason = "Customer asked on ticket 4711";
let staff: Awaited<ReturnType<typeof staffWithSession>>;

beforeAll(async () => {
  staff = await staffWithSession(admin, "aorg-staff");
});
afterAll(async () => {
  await admin.$disconnect();
});

const asStaff = () => callAs(staff.token);

async function orgWithOwner(
  label: string,
  billing: { plan: string; status: SubscriptionStatus } = { plan: "free", status: "FREE" },
) {
  const org = await organization(admin, label, billing);
  const owner = await userWithSession(admin, `${label}-owner`, {
    organizationId: org.id,
    role: "OWNER",
  });
  return { org, owner };
}

const entitled = (organizationId: string, feature: "api" | "auditExport") =>
  withTenant(organizationId, (tx) => requireEntitlement(tx, organizationId, feature)).then(
    () => true,
    () => false,
  );

async function apiKeyFor(organizationId: string) {
  const secret = generateApiKey("test");
  await admin.apiKey.create({
    data: {
      organizationId,
      name: "script",
      prefix: displayPrefixOf(secret),
      keyHash: hashApiKey(secret),
      scopes: ["projects:read", "projects:write"],
    },
  });
  return secret;
}

const listProjectsWith = (secret: string) =>
  v1ProjectsApi.GET(
    new Request("http://localhost:3000/api/v1/projects", {
      headers: { authorization: `Bearer ${secret}`, "x-real-ip": "203.0.113.7" },
    }),
  );

const staffAudit = (organizationId: string | null, action: string) =>
  admin.auditLog.findMany({
    where: { actorId: staff.id, action, ...(organizationId ? { organizationId } : {}) },
  });

describe("who may act", () => {
  it("a signed-in customer and an anonymous visitor get 404 from every action", async () => {
    const { org, owner } = await orgWithOwner("aorg-who");
    for (const token of [owner.token, undefined]) {
      callAs(token);
      for (const action of [compPlanAction, suspendOrganizationAction, deleteOrganizationAction]) {
        expect(
          await action({
            organizationId: org.id,
            plan: "pro",
            days: 3,
            confirmSlug: org.slug,
            reason,
          }),
        ).toMatchObject({ ok: false, status: 404 });
      }
    }
    const stored = await admin.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(stored).toMatchObject({ compPlan: null, suspendedAt: null });
  });

  it("staff without 2FA are refused, and a missing reason is a field error", async () => {
    const { org } = await orgWithOwner("aorg-reason");
    const no2fa = await staffWithSession(admin, "aorg-no2fa", { twoFactor: false });
    callAs(no2fa.token);
    expect(await suspendOrganizationAction({ organizationId: org.id, reason })).toMatchObject({
      ok: false,
      status: 403,
    });
    asStaff();
    const missing = await suspendOrganizationAction({ organizationId: org.id });
    expect(missing).toMatchObject({ ok: false, status: 422 });
    if (!missing.ok) expect(missing.fieldErrors?.reason).toMatch(/Say why/);
    const short = await compPlanAction({
      organizationId: org.id,
      plan: "pro",
      days: 400,
      reason: "x",
    });
    if (short.ok) throw new Error("expected field errors");
    expect(Object.keys(short.fieldErrors ?? {}).sort()).toEqual(["days", "reason"]);
    expect(
      (await admin.organization.findUniqueOrThrow({ where: { id: org.id } })).suspendedAt,
    ).toBeNull();
  });
});

describe("the organization list", () => {
  it("searches by name, slug or id, filters by plan and status, and shows MRR and owner", async () => {
    const tag = `aorgl${Date.now().toString(36)}`;
    const pro = await orgWithOwner(`${tag}-pro`, { plan: "pro", status: "ACTIVE" });
    await admin.subscription.update({ where: { organizationId: pro.org.id }, data: { seats: 3 } });
    const business = await orgWithOwner(`${tag}-biz`, {
      plan: "business",
      status: "PAST_DUE",
    });
    const free = await orgWithOwner(`${tag}-free`);

    const all = await listOrganizations({ q: tag, page: 1 });
    expect(all.total).toBe(3);
    const proRow = all.rows.find((row) => row.id === pro.org.id);
    expect(proRow).toMatchObject({
      planName: "Pro",
      status: "ACTIVE",
      mrr: 3 * 1200,
      members: 1,
      ownerEmail: pro.owner.email,
      complimentary: null,
      suspended: false,
    });

    expect(
      (await listOrganizations({ q: tag, plan: "pro", page: 1 })).rows.map((r) => r.id),
    ).toEqual([pro.org.id]);
    expect(
      (await listOrganizations({ q: tag, plan: "free", page: 1 })).rows.map((r) => r.id),
    ).toEqual([free.org.id]);
    expect(
      (await listOrganizations({ q: tag, status: "PAST_DUE", page: 1 })).rows.map((r) => r.id),
    ).toEqual([business.org.id]);
    expect(
      (await listOrganizations({ q: business.org.id, page: 1 })).rows.map((r) => r.id),
    ).toEqual([business.org.id]);
    expect((await listOrganizations({ q: `${tag}-BIZ`, page: 1 })).total).toBe(1);
    expect((await listOrganizations({ q: `${tag}-nothing`, page: 1 })).rows).toEqual([]);
  });
});

describe("the organization page", () => {
  it("shows members, the billing timeline newest first, Stripe events with outcome and queued emails", async () => {
    const { org, owner } = await orgWithOwner("aorg-detail");
    await admin.billingEvent.createMany({
      data: [
        {
          organizationId: org.id,
          type: "subscription.created",
          occurredAt: new Date(Date.now() - 2 * DAY),
        },
        {
          organizationId: org.id,
          type: "invoice.paid",
          amount: 1200,
          currency: "usd",
          occurredAt: new Date(Date.now() - DAY),
        },
      ],
    });
    const eventId = `evt_aorg_${Date.now().toString(36)}`;
    await admin.stripeEvent.create({
      data: { id: eventId, type: "invoice.paid", createdAt: new Date(), organizationId: org.id },
    });
    await admin.stripeEventFailure.create({
      data: {
        id: `${eventId}_failed`,
        type: "customer.subscription.updated",
        organizationId: org.id,
        payload: {},
        lastError: "database unavailable",
      },
    });
    await admin.outboxMessage.create({
      data: {
        kind: "email",
        payload: { template: "invitation", to: owner.email, subject: "s", html: "h", text: "t" },
      },
    });
    await admin.outboxMessage.create({
      data: {
        kind: "email",
        payload: {
          template: "invitation",
          to: "someone-else@example.test",
          subject: "s",
          html: "h",
          text: "t",
        },
      },
    });

    const detail = (await organizationDetail(org.id))!;
    expect(detail.members).toEqual([
      expect.objectContaining({ email: owner.email, role: "OWNER" }),
    ]);
    expect(detail.billingEvents.map((e) => e.type)).toEqual([
      "invoice.paid",
      "subscription.created",
    ]);
    expect(detail.stripeEvents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: eventId, outcome: "applied" }),
        expect.objectContaining({ id: `${eventId}_failed`, outcome: "failed" }),
      ]),
    );
    expect(detail.emails).toEqual([
      expect.objectContaining({ to: owner.email, template: "invitation", status: "PENDING" }),
    ]);
    expect(await organizationDetail("no-such-organization")).toBeNull();
  });
});

describe("complimentary plans", () => {
  it("a comp gives the plan's entitlements, is logged as comp.granted and shows as complimentary", async () => {
    const { org, owner } = await orgWithOwner("aorg-comp");
    expect(await entitled(org.id, "auditExport")).toBe(false);
    asStaff();
    const granted = await compPlanAction({
      organizationId: org.id,
      plan: "business",
      days: "30",
      reason,
    });
    expect(granted).toMatchObject({ ok: true });

    expect(await entitled(org.id, "auditExport")).toBe(true);
    const event = await admin.billingEvent.findFirstOrThrow({
      where: { organizationId: org.id, type: "comp.granted" },
    });
    expect(event).toMatchObject({
      complimentary: true,
      plan: "business",
      seats: 1,
      unitAmount: 0,
      interval: null,
    });
    const endsAt = (await admin.organization.findUniqueOrThrow({ where: { id: org.id } }))
      .compEndsAt!;
    expect(event.data).toEqual({ endsAt: endsAt.toISOString() });
    expect(Math.round((endsAt.getTime() - event.occurredAt.getTime()) / DAY)).toBe(30);

    const overview = await billingOverview(org.id);
    expect(overview.plan.id).toBe("business");
    expect(overview.complimentary?.plan.id).toBe("business");
    const [row] = (await listOrganizations({ q: org.id, page: 1 })).rows;
    expect(row?.complimentary).toMatch(/^Complimentary Business until /);
    expect(row?.mrr).toBe(0);
    expect((await organizationDetail(org.id))?.complimentary).toMatch(/^Complimentary Business/);

    // Past the Free plan's 3 projects, as its members.
    callAs(owner.token, org.slug);
    for (let i = 1; i <= 4; i++) {
      expect(await createProjectAction({ name: `Comp ${i}` })).toMatchObject({ ok: true });
    }
    expect(await staffAudit(org.id, "staff.plan_comped")).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ reason, plan: "business", days: 30 }),
      }),
    ]);
  });

  it("an expired comp returns the organization to its paid plan", async () => {
    const { org } = await orgWithOwner("aorg-expire", { plan: "pro", status: "ACTIVE" });
    asStaff();
    expect(
      await compPlanAction({ organizationId: org.id, plan: "business", days: 1, reason }),
    ).toMatchObject({ ok: true });
    expect(await entitled(org.id, "auditExport")).toBe(true);
    await admin.organization.update({
      where: { id: org.id },
      data: { compEndsAt: new Date(Date.now() - 1000) },
    });
    expect(await entitled(org.id, "auditExport")).toBe(false);
    expect(await entitled(org.id, "api")).toBe(true);
    const overview = await billingOverview(org.id);
    expect(overview.plan.id).toBe("pro");
    expect(overview.complimentary).toBeNull();
  });

  it("a comp worse than the paid plan changes nothing; staff can end a comp early", async () => {
    const { org } = await orgWithOwner("aorg-end");
    asStaff();
    expect(await endCompAction({ organizationId: org.id, reason })).toMatchObject({
      ok: false,
      status: 409,
    });
    await compPlanAction({ organizationId: org.id, plan: "pro", days: 10, reason });
    expect(await entitled(org.id, "api")).toBe(true);
    expect(await endCompAction({ organizationId: org.id, reason })).toMatchObject({ ok: true });
    expect(await entitled(org.id, "api")).toBe(false);
    const ended = await admin.billingEvent.findFirstOrThrow({
      where: { organizationId: org.id, type: "comp.ended" },
    });
    expect(ended).toMatchObject({
      complimentary: true,
      plan: "pro",
      unitAmount: 0,
      interval: null,
    });
    expect(await staffAudit(org.id, "staff.comp_ended")).toHaveLength(1);

    const business = await orgWithOwner("aorg-worse", {
      plan: "business",
      status: "ACTIVE",
    });
    await compPlanAction({ organizationId: business.org.id, plan: "pro", days: 10, reason });
    expect((await billingOverview(business.org.id)).complimentary).toBeNull();
    expect(await entitled(business.org.id, "auditExport")).toBe(true);
  });
});

describe("limits for one organization", () => {
  it("a raised project limit lets one organization exceed its plan, and resetting restores it", async () => {
    const { org, owner } = await orgWithOwner("aorg-limit");
    callAs(owner.token, org.slug);
    for (let i = 1; i <= 3; i++) await createProjectAction({ name: `P${i}` });
    expect(await createProjectAction({ name: "P4" })).toMatchObject({ ok: false, status: 402 });

    asStaff();
    expect(
      await setLimitsAction({ organizationId: org.id, projectLimit: "5", seatLimit: "", reason }),
    ).toMatchObject({ ok: true, data: { projectLimit: 5, seatLimit: null } });
    callAs(owner.token, org.slug);
    expect(await createProjectAction({ name: "P4" })).toMatchObject({ ok: true });
    expect(await createProjectAction({ name: "P5" })).toMatchObject({ ok: true });
    expect(await createProjectAction({ name: "P6" })).toMatchObject({ ok: false, status: 402 });

    const other = await orgWithOwner("aorg-limit-other");
    callAs(other.owner.token, other.org.slug);
    for (let i = 1; i <= 3; i++) await createProjectAction({ name: `Q${i}` });
    expect(await createProjectAction({ name: "Q4" })).toMatchObject({ ok: false, status: 402 });

    asStaff();
    const bad = await setLimitsAction({
      organizationId: org.id,
      projectLimit: "-2",
      seatLimit: "x",
      reason,
    });
    if (bad.ok) throw new Error("expected field errors");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["projectLimit", "seatLimit"]);
    expect(
      await setLimitsAction({ organizationId: org.id, projectLimit: "", seatLimit: "10", reason }),
    ).toMatchObject({ ok: true });
    expect((await billingOverview(org.id)).seats.allowed).toBe(10);
    const audits = await staffAudit(org.id, "staff.limit_changed");
    expect(audits).toHaveLength(2);
    expect(audits.every((a) => (a.metadata as { reason?: string }).reason === reason)).toBe(true);
  });
});

describe("suspension", () => {
  it("blocks member pages, actions and API keys, keeps the data, and lifting it restores them", async () => {
    const { org, owner } = await orgWithOwner("aorg-suspend", {
      plan: "business",
      status: "ACTIVE",
    });
    const secret = await apiKeyFor(org.id);
    callAs(owner.token, org.slug);
    expect(await createProjectAction({ name: "Before" })).toMatchObject({ ok: true });
    expect((await listProjectsWith(secret)).status).toBe(200);

    asStaff();
    expect(await suspendOrganizationAction({ organizationId: org.id, reason })).toMatchObject({
      ok: true,
    });
    expect(await suspendOrganizationAction({ organizationId: org.id, reason })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await admin.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      suspendedReason: reason,
    });

    callAs(owner.token, org.slug);
    const refused = await createProjectAction({ name: "During" });
    expect(refused).toMatchObject({
      ok: false,
      status: 403,
      error: "This organization is suspended. Contact support.",
    });
    expect(await getCurrentMember()).toBeNull();
    expect((await getSuspendedMembership())?.organization.id).toBe(org.id);
    // forbidden() (403; the layout shows the suspended notice), never notFound(). Outside the
    // Next.js server it throws its "experimental" error instead of the 403 digest.
    const page = await requireMember("projects:read").then(
      () => "rendered",
      (error: { message?: string; digest?: string }) => `${error.digest ?? ""} ${error.message}`,
    );
    expect(page).toMatch(/forbidden|403/);
    expect(page).not.toMatch(/404/);
    const api = await listProjectsWith(secret);
    expect(api.status).toBe(403);
    expect(api.headers.get("content-type")).toBe("application/problem+json");
    expect(await api.json()).toMatchObject({
      code: "organization_suspended",
      detail: "This organization is suspended. Contact support.",
    });
    expect(await admin.project.count({ where: { organizationId: org.id } })).toBe(1);

    asStaff();
    expect(await unsuspendOrganizationAction({ organizationId: org.id, reason })).toMatchObject({
      ok: true,
    });
    callAs(owner.token, org.slug);
    expect(await createProjectAction({ name: "After" })).toMatchObject({ ok: true });
    expect((await getCurrentMember())?.organization.id).toBe(org.id);
    expect((await listProjectsWith(secret)).status).toBe(200);
    expect(await staffAudit(org.id, "staff.organization_suspended")).toHaveLength(1);
    expect(await staffAudit(org.id, "staff.organization_unsuspended")).toHaveLength(1);
  });
});

describe("deletion", () => {
  it("cancels the Stripe subscription, deletes the organization and keeps the audit entry", async () => {
    const paid = await paidOrganization(admin, "aorg-delete");
    await deliverRecordedEvents(paid.customerId);
    asStaff();
    const wrong = await deleteOrganizationAction({
      organizationId: paid.org.id,
      confirmSlug: "nope",
      reason,
    });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { confirmSlug: expect.any(String) } });

    const done = await deleteOrganizationAction({
      organizationId: paid.org.id,
      confirmSlug: paid.org.slug,
      reason,
    });
    expect(done).toMatchObject({ ok: true, data: { slug: paid.org.slug } });
    expect(await admin.organization.findUnique({ where: { id: paid.org.id } })).toBeNull();
    const atStripe = await emulatorClient().subscriptions.retrieve(paid.subscription.id);
    expect(atStripe.status).toBe("canceled");
    const [entry] = await admin.auditLog.findMany({
      where: { actorId: staff.id, action: "staff.organization_deleted", targetId: paid.org.id },
    });
    expect(entry).toMatchObject({
      organizationId: null,
      metadata: expect.objectContaining({ reason }),
    });
  });
});

describe("re-read from Stripe", () => {
  it("fixes a row that drifted from Stripe, and says so clearly when Stripe is down", async () => {
    const paid = await paidOrganization(admin, "aorg-reread");
    await deliverRecordedEvents(paid.customerId);
    const synced = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(synced).toMatchObject({ plan: "pro", status: "TRIALING" });
    await admin.subscription.update({
      where: { organizationId: paid.org.id },
      data: { plan: "business", status: "ACTIVE", seats: 9 },
    });

    asStaff();
    const reread = await rereadFromStripeAction({ organizationId: paid.org.id, reason });
    expect(reread).toMatchObject({ ok: true });
    if (reread.ok) expect(reread.data.changed.sort()).toEqual(["plan", "seats", "status"]);
    expect(
      await admin.subscription.findUniqueOrThrow({ where: { organizationId: paid.org.id } }),
    ).toMatchObject({ plan: "pro", status: "TRIALING", seats: synced.seats });

    const down = vi
      .spyOn(stripe().subscriptions, "retrieve")
      .mockRejectedValueOnce(
        new Stripe.errors.StripeConnectionError({ message: "connect ECONNREFUSED" }),
      );
    const failed = await rereadFromStripeAction({ organizationId: paid.org.id, reason });
    down.mockRestore();
    expect(failed).toMatchObject({ ok: false, status: 503 });
    if (!failed.ok) expect(failed.error).toMatch(/Stripe could not complete this right now/);

    const never = await orgWithOwner("aorg-reread-free");
    expect(await rereadFromStripeAction({ organizationId: never.org.id, reason })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await staffAudit(paid.org.id, "staff.subscription_reread")).toHaveLength(1);
  });
});

describe("feature flags", () => {
  const exportRequest = () =>
    new Request(`http://${tenantRequest.headers.get("host")}/api/audit/export`, {
      headers: tenantRequest.headers,
    });
  const tomorrow = () => new Date(Date.now() + DAY).toISOString().slice(0, 10);

  it("have a default per plan, shown with their effective value on the organization page", async () => {
    const pro = await orgWithOwner("aorg-flags-pro", { plan: "pro", status: "ACTIVE" });
    const flags = (await organizationDetail(pro.org.id))!.flags;
    expect(
      flags.map(({ flag, planDefault, enabled, override }) => ({
        flag,
        planDefault,
        enabled,
        override,
      })),
    ).toEqual([
      { flag: "api", planDefault: true, enabled: true, override: null },
      { flag: "auditExport", planDefault: false, enabled: false, override: null },
    ]);
  });

  it("an override turns audit export on for one Pro organization until a date, end to end", async () => {
    const { org, owner } = await orgWithOwner("aorg-flag-on", {
      plan: "pro",
      status: "ACTIVE",
    });
    callAs(owner.token, org.slug);
    expect((await auditExportApi.GET(exportRequest())).status).toBe(402);

    asStaff();
    const set = await setFlagOverrideAction({
      organizationId: org.id,
      flag: "auditExport",
      enabled: "on",
      expiresAt: tomorrow(),
      reason,
    });
    expect(set).toMatchObject({ ok: true });
    callAs(owner.token, org.slug);
    expect((await auditExportApi.GET(exportRequest())).status).toBe(200);
    expect((await billingOverview(org.id)).plan.entitlements.auditExport).toBe(true);
    const state = (await organizationDetail(org.id))!.flags.find((f) => f.flag === "auditExport");
    expect(state).toMatchObject({ planDefault: false, enabled: true, override: { enabled: true } });

    // Lapses at its date.
    await admin.featureFlagOverride.updateMany({
      where: { organizationId: org.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await auditExportApi.GET(exportRequest())).status).toBe(402);
    expect(await staffAudit(org.id, "staff.flag_overridden")).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ reason, flag: "auditExport" }),
      }),
    ]);
  });

  it("an override can turn a plan feature off (the API for one Business organization), and removing it restores the default", async () => {
    const { org } = await orgWithOwner("aorg-flag-off", {
      plan: "business",
      status: "ACTIVE",
    });
    const secret = await apiKeyFor(org.id);
    asStaff();
    expect(
      await setFlagOverrideAction({
        organizationId: org.id,
        flag: "api",
        enabled: "off",
        expiresAt: "",
        reason,
      }),
    ).toMatchObject({ ok: true });
    expect(await entitled(org.id, "api")).toBe(false);
    const refused = await listProjectsWith(secret);
    expect(refused.status).toBe(402);

    const bad = await setFlagOverrideAction({
      organizationId: org.id,
      flag: "teleport",
      enabled: "maybe",
      expiresAt: "soon",
      reason,
    });
    if (bad.ok) throw new Error("expected field errors");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["enabled", "expiresAt", "flag"]);

    expect(
      await removeFlagOverrideAction({ organizationId: org.id, flag: "api", reason }),
    ).toMatchObject({ ok: true });
    expect(await entitled(org.id, "api")).toBe(true);
    expect((await listProjectsWith(secret)).status).toBe(200);
    expect(
      await removeFlagOverrideAction({ organizationId: org.id, flag: "api", reason }),
    ).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await staffAudit(org.id, "staff.flag_override_removed")).toHaveLength(1);
  });
});
