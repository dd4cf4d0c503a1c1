import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as projectsApi from "@/app/api/projects/route";
import * as projectApi from "@/app/api/projects/[id]/route";
import { listAuditLogAction } from "@/lib/audit-log/list-action";
import {
  createProjectAction,
  listProjectsAction,
  updateProjectAction,
} from "@/lib/projects/actions";
import { adminDatabase } from "../support/admin-db";
import { callAs, organization, tenantRequest, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

const admin = adminDatabase();
let org: Awaited<ReturnType<typeof organization>>;
let owner: Awaited<ReturnType<typeof userWithSession>>;

beforeAll(async () => {
  org = await organization(admin, "projects");
  owner = await userWithSession(admin, "owner", { organizationId: org.id, role: "OWNER" });
  await admin.project.createMany({
    data: Array.from({ length: 45 }, (_, i) => ({
      organizationId: org.id,
      name: i % 3 === 0 ? `Rocket ${i}` : `Garden ${i}`,
      description: i === 1 ? "Grow ROCKET salad" : null,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    })),
  });
});
afterAll(async () => {
  await admin.$disconnect();
});

function request(method: string, path: string, body?: string, origin?: string) {
  const headers = new Headers(tenantRequest.headers);
  headers.set("origin", origin ?? `http://${headers.get("host")}`);
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://${headers.get("host")}${path}`, { method, headers, body });
}

describe("projects", () => {
  it("lists newest first in pages of 20, and searches names and descriptions", async () => {
    callAs(owner.token, org.slug);
    const first = await listProjectsAction({});
    expect(first).toMatchObject({ ok: true, data: { total: 45, page: 1, pageCount: 3 } });
    const names = first.ok ? first.data.items.map((p) => p.name) : [];
    expect(names).toHaveLength(20);
    expect(names[0]).toBe("Garden 44");
    const last = await listProjectsAction({ page: "3" });
    expect(last.ok ? last.data.items.map((p) => p.name) : []).toHaveLength(5);
    const search = await listProjectsAction({ q: "rocket" });
    // 15 names with "Rocket" plus one description.
    expect(search).toMatchObject({ ok: true, data: { total: 16 } });
    expect(await listProjectsAction({ page: "0" })).toMatchObject({ ok: false, status: 422 });
  });

  it("validates with field messages and refuses unknown fields", async () => {
    callAs(owner.token, org.slug);
    const empty = await createProjectAction({ name: "   " });
    expect(empty.ok ? "" : empty.fieldErrors?.name).toBe("Give the project a name.");
    const long = await createProjectAction({ name: "x".repeat(101) });
    expect(long.ok ? "" : long.fieldErrors?.name).toMatch(/100/);
    const smuggled = await createProjectAction({ name: "Mine", organizationId: "someone-else" });
    expect(smuggled).toMatchObject({ ok: false, status: 422 });
    const missing = await updateProjectAction({ id: "no-such-project", name: "x" });
    expect(missing).toMatchObject({ ok: false, status: 404 });
  });

  it("answers the JSON API with 4xx bodies for bad requests, never a 500", async () => {
    callAs(owner.token, org.slug);
    const created = await projectsApi.POST(
      request("POST", "/api/projects", JSON.stringify({ name: "From the API" })),
    );
    expect(created.status).toBe(200);
    const { data } = (await created.json()) as { data: { id: string } };
    const ctx = { params: Promise.resolve({ id: data.id }) };

    const badJson = await projectsApi.POST(request("POST", "/api/projects", "{not json"));
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ error: expect.any(String) });
    const crossSite = await projectsApi.POST(
      request("POST", "/api/projects", JSON.stringify({ name: "x" }), "https://evil.example"),
    );
    expect(crossSite.status).toBe(403);
    const unknown = await projectApi.PATCH(
      request("PATCH", `/api/projects/${data.id}`, JSON.stringify({ name: "y", owner: "me" })),
      ctx,
    );
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ fieldErrors: { owner: expect.any(String) } });
    const idInBody = await projectApi.PATCH(
      request("PATCH", `/api/projects/${data.id}`, JSON.stringify({ id: "other", name: "y" })),
      ctx,
    );
    expect(idInBody.status).toBe(400);
    expect(
      (await projectApi.DELETE(request("DELETE", `/api/projects/${data.id}`), ctx)).status,
    ).toBe(200);
    expect((await projectApi.GET(request("GET", `/api/projects/${data.id}`), ctx)).status).toBe(
      404,
    );
    expect(
      await admin.auditLog.count({ where: { organizationId: org.id, targetId: data.id } }),
    ).toBe(2);
  });
});

describe("the audit log", () => {
  it("filters by action, person and dates, and refuses invalid filters", async () => {
    callAs(owner.token, org.slug);
    const created = await listAuditLogAction({ action: "project.created" });
    expect(created.ok && created.data.entries.every((e) => e.action === "project.created")).toBe(
      true,
    );
    expect(created.ok ? created.data.entries.length : 0).toBeGreaterThan(0);
    const byOwner = await listAuditLogAction({ actor: owner.id });
    expect(byOwner.ok && byOwner.data.entries.every((e) => e.actor?.id === owner.id)).toBe(true);
    const future = await listAuditLogAction({ from: "2999-01-01" });
    expect(future).toMatchObject({ ok: true, data: { entries: [] } });
    expect(await listAuditLogAction({ action: "drop.tables" })).toMatchObject({ status: 422 });
    expect(await listAuditLogAction({ from: "2026-02-31" })).toMatchObject({ status: 422 });
  });
});
