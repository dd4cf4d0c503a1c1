import net from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as projectsApi from "@/app/api/projects/route";
import { GET as health } from "@/app/api/health/route";
import { listAuditLogAction } from "@/lib/audit-log/list-action";
import { recordAudit } from "@/lib/audit/record";
import { forgetPlacements } from "@/lib/db/tenant-databases/placement";
import { closeTenantDatabasePools } from "@/lib/db/tenant-databases/pools";
import { sealTenantDatabaseUrl } from "@/lib/db/tenant-databases/sealed-url";
import { withTenant } from "@/lib/db/tenant";
import { runNamedJobs } from "@/lib/jobs/run";
import { deleteOrganizationAction } from "@/lib/organizations/actions";
import {
  createProjectAction,
  listProjectsAction,
  updateProjectAction,
} from "@/lib/projects/actions";
import { sliceProjects } from "@/lib/projects/queries";
import { proxy } from "@/proxy";
import { adminDatabase } from "../support/admin-db";
import {
  createDedicatedDatabase,
  forgetDedicatedDatabase,
  placeOrganization,
  type DedicatedDatabase,
} from "../support/dedicated-tenant";
import { callAs, organization, tenantRequest, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * Hybrid tenancy as members see it: one organization in the shared database, one in a
 * dedicated database, the same code paths for both, and a dedicated database that stops
 * answering takes down only its own organization.
 */

const admin = adminDatabase();
let dedicated: DedicatedDatabase;
let pooled: Awaited<ReturnType<typeof organization>>;
let enterprise: Awaited<ReturnType<typeof organization>>;
let pooledOwner: Awaited<ReturnType<typeof userWithSession>>;
let enterpriseOwner: Awaited<ReturnType<typeof userWithSession>>;

beforeAll(async () => {
  dedicated = await createDedicatedDatabase(admin, `hybrid-${Date.now().toString(36)}`);
  pooled = await organization(admin, "hybrid-pooled");
  enterprise = await organization(admin, "hybrid-dedicated");
  await placeOrganization(admin, enterprise.id, dedicated.id);
  pooledOwner = await userWithSession(admin, "pooled-owner", {
    organizationId: pooled.id,
    role: "OWNER",
  });
  enterpriseOwner = await userWithSession(admin, "enterprise-owner", {
    organizationId: enterprise.id,
    role: "OWNER",
  });
  forgetPlacements();
});

afterAll(async () => {
  await closeTenantDatabasePools();
  await dedicated.drop();
  await admin.$disconnect();
});

function apiRequest(method: string, path: string, body?: unknown) {
  const headers = new Headers(tenantRequest.headers);
  headers.set("origin", `http://${headers.get("host")}`);
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://${headers.get("host")}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("an organization in a dedicated database", () => {
  it("keeps its projects and its log there, through the same actions as everyone else", async () => {
    callAs(enterpriseOwner.token, enterprise.slug);
    const created = await createProjectAction({ name: "Vault", description: "Dedicated" });
    expect(created).toMatchObject({ ok: true, data: { name: "Vault" } });
    const id = created.ok ? created.data.id : "";
    expect(created.ok && created.data.createdBy?.email).toBe(enterpriseOwner.email);
    expect(await updateProjectAction({ id, name: "Vault 2" })).toMatchObject({ ok: true });

    // Stored in the dedicated database only, with its audit entries beside it.
    expect(
      await dedicated.admin.project.findMany({ where: { organizationId: enterprise.id } }),
    ).toMatchObject([{ id, name: "Vault 2", createdById: enterpriseOwner.id }]);
    expect(await admin.project.count({ where: { organizationId: enterprise.id } })).toBe(0);
    const actions = await dedicated.admin.auditLog.findMany({
      where: { organizationId: enterprise.id },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["project.created", "project.updated"]);
    expect(await admin.auditLog.count({ where: { organizationId: enterprise.id } })).toBe(0);

    const listed = await listProjectsAction({});
    expect(listed).toMatchObject({ ok: true, data: { total: 1, items: [{ name: "Vault 2" }] } });
    // The projects page's list: no users in that database, so its author is read from the main one.
    const page = await withTenant(enterprise.id, (tx) =>
      sliceProjects(tx, enterprise.id, { q: "" }),
    );
    expect(page).toMatchObject({ total: 1, items: [{ name: "Vault 2" }] });
    expect(page.items.map((p) => p.createdBy?.email)).toEqual([enterpriseOwner.email]);
    const log = await listAuditLogAction({});
    expect(log.ok && log.data.entries.map((e) => e.actor?.email)).toEqual([
      enterpriseOwner.email,
      enterpriseOwner.email,
    ]);

    // The pooled organization beside it works as before, in the main database.
    callAs(pooledOwner.token, pooled.slug);
    expect(await createProjectAction({ name: "Shared" })).toMatchObject({ ok: true });
    expect(await admin.project.count({ where: { organizationId: pooled.id } })).toBe(1);
    expect(await dedicated.admin.project.count({ where: { organizationId: pooled.id } })).toBe(0);
  });

  it("commits both databases or neither", async () => {
    const name = `rolled back ${Date.now()}`;
    await expect(
      withTenant(enterprise.id, async (tx) => {
        await tx.project.create({ data: { organizationId: enterprise.id, name } });
        throw new Error("the main database's side failed");
      }),
    ).rejects.toThrow("the main database's side failed");
    expect(await dedicated.admin.project.count({ where: { name } })).toBe(0);
  });

  it("writes entries of no organization to the main database, whatever the scope", async () => {
    const marker = `account-level-${Date.now()}`;
    await withTenant(enterprise.id, (tx) =>
      recordAudit(tx, {
        action: "account.exported",
        actorId: null,
        organizationId: null,
        targetType: "user",
        targetId: marker,
      }),
    );
    expect(await admin.auditLog.count({ where: { targetId: marker } })).toBe(1);
    expect(await dedicated.admin.auditLog.count({ where: { targetId: marker } })).toBe(0);
  });

  it("keeps row-level security on in the dedicated database", async () => {
    await dedicated.admin.project.create({
      data: { organizationId: pooled.id, name: "planted in the wrong database" },
    });
    // Scoped to the enterprise organization, the app role sees only its rows there.
    const names = await withTenant(enterprise.id, (tx) =>
      tx.project.findMany({ select: { name: true } }),
    );
    expect(names.map((n) => n.name)).not.toContain("planted in the wrong database");
    await dedicated.admin.project.deleteMany({ where: { organizationId: pooled.id } });
  });

  it("deletes its tenant rows from the dedicated database when the organization is deleted", async () => {
    const doomed = await organization(admin, "hybrid-doomed");
    await placeOrganization(admin, doomed.id, dedicated.id);
    const owner = await userWithSession(admin, "doomed-owner", {
      organizationId: doomed.id,
      role: "OWNER",
    });
    callAs(owner.token, doomed.slug);
    expect(await createProjectAction({ name: "Soon gone" })).toMatchObject({ ok: true });
    expect(await dedicated.admin.project.count({ where: { organizationId: doomed.id } })).toBe(1);

    expect(await deleteOrganizationAction({ confirmSlug: doomed.slug })).toMatchObject({
      ok: true,
    });
    const queued = await admin.outboxMessage.findMany({
      where: {
        kind: "tenant-data-purge",
        payload: { path: ["organizationId"], equals: doomed.id },
      },
      select: { id: true },
    });
    expect(queued).toHaveLength(1);
    await runNamedJobs(queued.map((job) => job.id));
    expect(await dedicated.admin.project.count({ where: { organizationId: doomed.id } })).toBe(0);
    expect(await dedicated.admin.auditLog.count({ where: { organizationId: doomed.id } })).toBe(0);
  });
});

/** A port in front of a database that can stop listening (connections refused) and start again. */
async function switchablePort(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    async refuse() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    accept: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("a dedicated database that stops answering", () => {
  let fault: Awaited<ReturnType<typeof switchablePort>>;
  let down: Awaited<ReturnType<typeof organization>>;
  let downOwner: Awaited<ReturnType<typeof userWithSession>>;
  const downName = `down-${Date.now().toString(36)}`;
  let downId = "";

  beforeAll(async () => {
    // A second registration of the same database, reached through a proxy the test can cut.
    const target = new URL(dedicated.url);
    fault = await switchablePort(target);
    const url = new URL(dedicated.url);
    url.hostname = "127.0.0.1";
    url.port = String(fault.port);
    const row = await admin.tenantDatabase.create({
      data: { name: downName, sealedUrl: sealTenantDatabaseUrl(url.toString()) },
    });
    downId = row.id;
    down = await organization(admin, "hybrid-down");
    await placeOrganization(admin, down.id, row.id);
    downOwner = await userWithSession(admin, "down-owner", {
      organizationId: down.id,
      role: "OWNER",
    });
    forgetPlacements();
  });

  afterAll(async () => {
    await closeTenantDatabasePools();
    await fault.close().catch(() => {});
    await forgetDedicatedDatabase(admin, downId);
  });

  it("answers that organization's pages and API with 503, names it in /api/health, and leaves the others alone", async () => {
    callAs(downOwner.token, down.slug);
    expect(await createProjectAction({ name: "Before the outage" })).toMatchObject({ ok: true });

    await closeTenantDatabasePools();
    await fault.refuse();

    const refused = await listProjectsAction({});
    expect(refused).toMatchObject({ ok: false, status: 503 });
    const api = await projectsApi.GET(apiRequest("GET", "/api/projects"));
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBeTruthy();
    expect(await api.json()).toMatchObject({ error: expect.any(String) });

    // Its pages: the proxy answers 503 with a clear message while the outage lasts.
    const page = proxy(
      new NextRequest(`http://${down.slug}.localhost:3000/projects`, {
        headers: { host: `${down.slug}.localhost:3000` },
      }),
    );
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBeTruthy();
    expect(await page.text()).toContain("temporarily unavailable");
    const other = proxy(
      new NextRequest(`http://${enterprise.slug}.localhost:3000/projects`, {
        headers: { host: `${enterprise.slug}.localhost:3000` },
      }),
    );
    expect(other.status).toBe(200);

    const report = await health();
    expect(report.status).toBe(200);
    const body = (await report.json()) as {
      checks: { tenantDatabases?: Record<string, { status: string }> };
    };
    expect(body.checks.tenantDatabases?.[downName]?.status).toBe("down");
    expect(body.checks.tenantDatabases?.[dedicated.name]?.status).toBe("up");

    // Everyone else: the pooled organization and the other dedicated one work.
    callAs(pooledOwner.token, pooled.slug);
    expect(await listProjectsAction({})).toMatchObject({ ok: true });
    callAs(enterpriseOwner.token, enterprise.slug);
    expect(await listProjectsAction({})).toMatchObject({ ok: true });

    // And it comes back by itself.
    await fault.accept();
    callAs(downOwner.token, down.slug);
    expect(await listProjectsAction({})).toMatchObject({
      ok: true,
      data: { items: [{ name: "Before the outage" }] },
    });
  });
});
