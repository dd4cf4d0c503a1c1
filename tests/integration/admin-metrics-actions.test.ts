import type * as NextServer from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { adminDatabase } from "../support/admin-db";
import { staffWithSession } from "../support/staff";
import { callAs, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
// Work a route leaves for after its response is kept here, for the test to run when it chooses.
const afterResponse = vi.hoisted(() => [] as (() => Promise<unknown>)[]);
vi.mock("next/server", async (original) => ({
  ...(await original<typeof NextServer>()),
  after: (work: () => Promise<unknown>) => void afterResponse.push(work),
}));

/**
 * The metrics console's CSV export, spend entry and recompute as everyone meets them: nothing
 * (404) for anonymous visitors and signed-in customers, a refusal for staff without 2FA or a
 * recent sign-in, and for staff an audited, editable spend and a CSV of every series.
 */

async function load() {
  const [actions, route, { db }] = await Promise.all([
    import("@/lib/admin/actions/metrics"),
    import("@/app/admin/metrics/export/route"),
    import("@/lib/db"),
  ]);
  return { ...actions, exportCsv: route.GET, db };
}
let app: Awaited<ReturnType<typeof load>>;
const admin = adminDatabase();
const people: Record<"customer" | "staff" | "noTwoFactor" | "stale", string> = {
  customer: "",
  staff: "",
  noTwoFactor: "",
  stale: "",
};
let staffId = "";
// Far enough back that no other test's spend shares the month.
const month = "2019-03";

beforeAll(async () => {
  app = await load();
  people.customer = (await userWithSession(admin, "metrics-customer")).token;
  const staff = await staffWithSession(admin, "metrics-staff");
  staffId = staff.id;
  people.staff = staff.token;
  people.noTwoFactor = (await staffWithSession(admin, "metrics-no2fa", { twoFactor: false })).token;
  people.stale = (await staffWithSession(admin, "metrics-stale", { staleSignIn: true })).token;
});

afterAll(async () => {
  await admin.$disconnect();
  await app.db.$disconnect();
});

describe("who gets the metrics console's route and actions", () => {
  it("answers 404 to anonymous visitors and to signed-in customers", async () => {
    for (const token of [undefined, people.customer]) {
      callAs(token);
      const response = await app.exportCsv();
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).not.toContain("text/csv");
      const spend = await app.recordSpendAction({ month, amount: "100" });
      expect(spend).toMatchObject({ ok: false, status: 404 });
      expect(await app.recomputeMetricsAction({})).toMatchObject({ ok: false, status: 404 });
    }
    expect(
      await admin.marketingSpend.findUnique({ where: { month: new Date("2019-03-01") } }),
    ).toBeNull();
  });

  it("refuses staff without 2FA, and a write without a recent sign-in", async () => {
    callAs(people.noTwoFactor);
    expect((await app.exportCsv()).status).toBe(403);
    expect(await app.recordSpendAction({ month, amount: "100" })).toMatchObject({
      ok: false,
      status: 403,
    });
    callAs(people.stale);
    expect(await app.recordSpendAction({ month, amount: "100" })).toMatchObject({
      ok: false,
      status: 403,
      code: "reauthentication_required",
    });
  });
});

describe("for staff", () => {
  it("records a month's spend, audited, and lets it be corrected", async () => {
    callAs(people.staff);
    expect(await app.recordSpendAction({ month, amount: "$12,500.50" })).toEqual({
      ok: true,
      data: { month, amount: 1_250_050 },
    });
    expect(await app.recordSpendAction({ month, amount: "9000" })).toMatchObject({ ok: true });
    const row = await admin.marketingSpend.findUniqueOrThrow({
      where: { month: new Date("2019-03-01") },
    });
    expect(row).toMatchObject({ amount: 900_000, updatedById: staffId });
    const audit = await admin.auditLog.findMany({
      where: { action: "staff.spend_recorded", actorId: staffId },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((entry) => entry.metadata)).toEqual([
      expect.objectContaining({ month, amount: 1_250_050, previous: null, staff: true }),
      expect.objectContaining({ month, amount: 900_000, previous: 1_250_050 }),
    ]);
  });

  it("explains a bad amount or month next to the field", async () => {
    callAs(people.staff);
    const bad = await app.recordSpendAction({ month: "2019-13", amount: "lots" });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { month: expect.any(String), amount: expect.any(String) },
    });
    const future = await app.recordSpendAction({ month: "2999-01", amount: "1" });
    expect(future).toMatchObject({
      ok: false,
      fieldErrors: { month: "That month has not started." },
    });
  });

  it("answers 503 while the months are computed after the response, then every series as CSV", async () => {
    callAs(people.staff);
    // A fresh database has no snapshot of the months ending today: nothing is computed inline.
    afterResponse.length = 0;
    const computing = await app.exportCsv();
    expect(computing.status).toBe(503);
    expect(computing.headers.get("retry-after")).toBe("30");
    expect(await computing.json()).toEqual({
      error: expect.stringMatching(/^The monthly numbers are still being computed/),
    });
    // What the route left for after its response queues and runs one job per month.
    expect(afterResponse).toHaveLength(1);
    for (const work of afterResponse.splice(0)) await work();

    const response = await app.exportCsv();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="keel-metrics-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(26);
    expect(lines[0]).toMatch(/^month,mrr_usd,arr_usd,.*,ltv_to_cac$/);
    expect(lines[25]).toMatch(new RegExp(`^${new Date().toISOString().slice(0, 7)},`));
  });

  it("recomputes the current and previous month on request, audited", async () => {
    callAs(people.staff);
    const result = await app.recomputeMetricsAction({});
    expect(result).toMatchObject({
      ok: true,
      data: { months: [expect.any(String), new Date().toISOString().slice(0, 7)] },
    });
    expect(
      await admin.auditLog.count({
        where: { action: "staff.metrics_recomputed", actorId: staffId },
      }),
    ).toBe(1);
  });
});
