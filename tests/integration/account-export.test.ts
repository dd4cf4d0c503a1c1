import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import * as download from "@/app/api/account/export/[id]/route";
import * as exportApi from "@/app/api/account/export/route";
import { collectUserData } from "@/lib/account/export/build";
import { isValidExportLink } from "@/lib/account/export/link";
import { env } from "@/lib/env";
import { runJobs } from "@/lib/jobs/run";
import { adminDatabase } from "../support/admin-db";
import { callAs, userWithSession } from "../support/tenant-request";

// Read when lib/env.ts is first imported: before the imports above run.
vi.hoisted(() => {
  process.env.AUTH_SECRET = "an application secret for the export tests";
});
vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * "Download my data": the request only queues the export (202); a job builds and stores
 * it and emails a signed link that works for 24 hours, for that signed-in user only.
 */

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});

function exportRequest(headers: Record<string, string> = {}) {
  return new Request(`${env.appUrl}/api/account/export`, {
    method: "POST",
    headers: { origin: env.appUrl, "x-real-ip": "198.51.100.7", ...headers },
  });
}

async function get(link: string) {
  const url = new URL(link);
  const id = decodeURIComponent(url.pathname.split("/").at(-1)!);
  return download.GET(new Request(link), { params: Promise.resolve({ id }) });
}

async function exportEmailLink(to: string): Promise<string> {
  const mail = await admin.outboxMessage.findFirstOrThrow({
    where: { kind: "email", payload: { path: ["to"], equals: to } },
    orderBy: { createdAt: "desc" },
  });
  const payload = mail.payload as { template: string; text: string };
  expect(payload.template).toBe("accountExport");
  const link = /https?:\/\/\S+\/api\/account\/export\/\S+/.exec(payload.text)?.[0];
  if (!link) throw new Error("no link in the email");
  return link;
}

describe("account data export", () => {
  it("answers 202, builds the export in a job, and emails a link only its user can use", async () => {
    const user = await userWithSession(admin, "exporter");
    callAs(user.token);
    const response = await exportApi.POST(exportRequest());
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: "queued" });
    // Nothing is built in the request.
    expect(await admin.accountExport.count({ where: { userId: user.id } })).toBe(0);
    const job = await admin.outboxMessage.findFirstOrThrow({
      where: { kind: "account-export", payload: { path: ["userId"], equals: user.id } },
    });

    // Asking again soon after queues nothing more.
    expect((await exportApi.POST(exportRequest())).status).toBe(202);
    expect(
      await admin.outboxMessage.count({
        where: { kind: "account-export", payload: { path: ["userId"], equals: user.id } },
      }),
    ).toBe(1);

    // The job and the email it queues.
    expect(await runJobs({ ids: [job.id] })).toEqual({ sent: 2, failed: 0, dead: 0 });
    const stored = await admin.accountExport.findFirstOrThrow({ where: { userId: user.id } });
    const hoursValid = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 3_600_000;
    expect(Math.round(hoursValid)).toBe(24);
    const link = await exportEmailLink(user.email);
    // Run again (a retry after a lost lease), the job finds its export and its email.
    const { buildAndStoreExport } = await import("@/lib/account/export/store");
    const request = job.payload as { userId: string; ipAddress: string; userAgent: null };
    await buildAndStoreExport(request, job.id, new Date());
    expect(await admin.accountExport.count({ where: { userId: user.id } })).toBe(1);
    expect(
      await admin.outboxMessage.count({
        where: { kind: "email", payload: { path: ["to"], equals: user.email } },
      }),
    ).toBe(1);

    const ok = await get(link);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment; filename="keel-data-/);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const data = await ok.json();
    expect(data.user.email).toBe(user.email);
    expect(JSON.stringify(data)).not.toContain("sessionToken");

    // Another signed-in user gets nothing from the same link.
    const other = await userWithSession(admin, "someone-else");
    callAs(other.token);
    expect((await get(link)).status).toBe(404);
    // Signed out: asked to sign in.
    callAs(undefined);
    expect((await get(link)).status).toBe(401);

    // A tampered link is refused.
    callAs(user.token);
    const tampered = new URL(link);
    tampered.searchParams.set(
      "expires",
      String(Number(tampered.searchParams.get("expires")) + 3600),
    );
    expect((await get(tampered.toString())).status).toBe(404);
    const otherExport = new URL(link);
    otherExport.pathname = "/api/account/export/someone-elses-export";
    expect((await get(otherExport.toString())).status).toBe(404);

    // Past 24 hours the link no longer verifies.
    const query = new URL(link).searchParams;
    expect(
      isValidExportLink(stored.id, user.id, query, new Date(Date.now() + 23 * 3_600_000)),
    ).toBe(true);
    expect(
      isValidExportLink(stored.id, user.id, query, new Date(Date.now() + 25 * 3_600_000)),
    ).toBe(false);
    expect(isValidExportLink(stored.id, other.id, query)).toBe(false);
    // And the stored export itself is gone from the download once expired.
    await admin.accountExport.update({
      where: { id: stored.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await get(link)).status).toBe(404);
  });

  it("refuses strangers and other sites", async () => {
    callAs(undefined);
    expect((await exportApi.POST(exportRequest())).status).toBe(401);
    const user = await userWithSession(admin, "csrf-target");
    callAs(user.token);
    const crossSite = await exportApi.POST(exportRequest({ origin: "https://evil.example" }));
    expect(crossSite.status).toBe(403);
    expect(
      await admin.outboxMessage.count({
        where: { kind: "account-export", payload: { path: ["userId"], equals: user.id } },
      }),
    ).toBe(0);
  });

  it("sends the account page's form back to the page", async () => {
    const user = await userWithSession(admin, "form-export");
    callAs(user.token);
    const response = await exportApi.POST(exportRequest({ "sec-fetch-mode": "navigate" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${env.appUrl}/account?export=requested#data`);
  });
});

describe("building an export", () => {
  it("sends one query at a time on its transaction (no pg deprecation warning)", async () => {
    const user = await userWithSession(admin, "sequential-export");
    // pg warns once per process, so the test also counts each query sent behind a running one.
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    const consoleWarn = vi.spyOn(console, "warn");
    const consoleError = vi.spyOn(console, "error");
    const query = pg.Client.prototype.query;
    let queued = 0;
    const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      const queue = (this as unknown as { _queryQueue: unknown[] })._queryQueue;
      if (queue.length > 0) queued++;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query);
    try {
      const data = await collectUserData(user.id);
      expect(data.user.email).toBe(user.email);
      expect(data.user.sessions).toHaveLength(1);
    } finally {
      spy.mockRestore();
      process.off("warning", onWarning);
    }
    expect(queued).toBe(0);
    expect(warnings.filter((message) => message.includes("already executing"))).toEqual([]);
    const printed = [...consoleWarn.mock.calls, ...consoleError.mock.calls].flat().join(" ");
    expect(printed).not.toContain("already executing");
    consoleWarn.mockRestore();
    consoleError.mockRestore();
  });
});
