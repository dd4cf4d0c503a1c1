import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as rawProjectsApi from "@/app/api/v1/projects/route";
import * as rawProjectApi from "@/app/api/v1/projects/[id]/route";
import * as rawOrganizationApi from "@/app/api/v1/organization/route";
import * as rawMembersApi from "@/app/api/v1/members/route";
import {
  changeApiKeyScopesAction,
  createApiKeyAction,
  revokeApiKeyAction,
} from "@/lib/api-keys/actions";
import { displayPrefixOf, generateApiKey, hashApiKey } from "@/lib/api-keys/format";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";
import { problemSchema, projectListSchema, projectSchema } from "@/lib/api/v1/schemas";
import { consumeRateLimit, rateLimitPolicies, resetRateLimit } from "@/lib/rate-limit";
import { metrics } from "@/lib/observability/metrics";
import { flushUsage } from "@/lib/usage/flush";
import { createMemoryUsageStore } from "@/lib/usage/memory-store";
import { setUsageStore } from "@/lib/usage/record";
import { usageByKey } from "@/lib/usage/summary";
import { adminDatabase } from "../support/admin-db";
import { withContract } from "../support/api-contract";
import { callAs, organization, userWithSession } from "../support/tenant-request";

// Every answer these tests get is also checked against the published OpenAPI document.
const projectsApi = withContract(rawProjectsApi);
const projectApi = withContract(rawProjectApi);
const organizationApi = withContract(rawOrganizationApi);
const membersApi = withContract(rawMembersApi);

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

const admin = adminDatabase();
let org: Awaited<ReturnType<typeof organization>>;
let other: Awaited<ReturnType<typeof organization>>;
let owner: Awaited<ReturnType<typeof userWithSession>>;

beforeAll(async () => {
  org = await organization(admin, "api");
  other = await organization(admin, "api-other");
  owner = await userWithSession(admin, "owner", { organizationId: org.id, role: "OWNER" });
});
afterAll(async () => {
  await admin.$disconnect();
});

const allScopes: ApiKeyScope[] = [
  "projects:read",
  "projects:write",
  "members:read",
  "organization:read",
];

async function keyFor(
  organizationId: string,
  scopes: ApiKeyScope[] = allScopes,
  extra: { expiresAt?: Date; revokedAt?: Date } = {},
) {
  const secret = generateApiKey("test");
  const row = await admin.apiKey.create({
    data: {
      organizationId,
      name: "script",
      prefix: displayPrefixOf(secret),
      keyHash: hashApiKey(secret),
      scopes,
      ...extra,
    },
  });
  return { secret, id: row.id };
}

let sent = 0;
function call(
  method: string,
  path: string,
  { key, body, headers = {} }: { key?: string; body?: unknown; headers?: Record<string, string> },
) {
  const all = new Headers({
    host: "localhost:3000",
    "x-request-id": `req-${++sent}`,
    "x-real-ip": "203.0.113.9",
    ...headers,
  });
  if (key) all.set("authorization", `Bearer ${key}`);
  if (body !== undefined) all.set("content-type", "application/json");
  return new Request(`http://localhost:3000${path}`, {
    method,
    headers: all,
    ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
  });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = problemSchema.parse(await response.json());
  expect(body).toMatchObject({ status, code });
  expect(body.requestId).toBe(response.headers.get("x-request-id"));
  return body;
}

const projectsOf = (organizationId: string) => admin.project.count({ where: { organizationId } });

describe("/api/v1 authentication", () => {
  it("refuses a mistyped key on its checksum, without looking it up", async () => {
    const { secret } = await keyFor(org.id);
    const typo = `${secret.slice(0, 20)}${secret[20] === "a" ? "b" : "a"}${secret.slice(21)}`;
    // Were the typo looked up, this row would let it through: the checksum stops it first.
    await admin.apiKey.create({
      data: {
        organizationId: org.id,
        name: "typo",
        prefix: displayPrefixOf(typo),
        keyHash: hashApiKey(typo),
        scopes: allScopes,
      },
    });
    const response = await projectsApi.GET(call("GET", "/api/v1/projects", { key: typo }));
    const body = await expectProblem(response, 401, "invalid_api_key");
    expect(body.detail).toMatch(/copied completely/);
    expect(response.headers.get("x-request-id")).toBe(`req-${sent}`);
  });

  it("reads no cookies: a signed-in browser without a key gets 401", async () => {
    const response = await projectsApi.GET(
      call("GET", "/api/v1/projects", {
        headers: { cookie: `keel.session=${owner.token}`, host: `${org.slug}.localhost:3000` },
      }),
    );
    await expectProblem(response, 401, "unauthorized");
  });

  it("stores only a hash and a short prefix of a key created in settings", async () => {
    callAs(owner.token, org.slug);
    const created = await createApiKeyAction({
      name: "CI",
      scopes: ["projects:read"],
      expiresOn: "",
    });
    if (!created.ok) throw new Error(created.error);
    const { secret, key } = created.data;
    expect(secret).toMatch(/^keel_test_[0-9A-Za-z]{36}$/);
    const row = await admin.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.keyHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(row.prefix).toBe(secret.slice(0, 14));
    expect(JSON.stringify(row)).not.toContain(secret.slice(14));
    const audit = await admin.auditLog.findFirstOrThrow({
      where: { organizationId: org.id, action: "api.key_created", targetId: key.id },
    });
    expect(audit.actorId).toBe(owner.id);
    expect(JSON.stringify(audit.metadata)).not.toContain(secret.slice(14));

    const ok = await projectsApi.GET(call("GET", "/api/v1/projects", { key: secret }));
    expect(ok.status).toBe(200);
    const used = await admin.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(used.lastUsedAt).not.toBeNull();
    expect(used.lastUsedIp).toBe("203.0.113.9");
  });

  it("stops a revoked key on its next request, and audits revocation and scope changes", async () => {
    callAs(owner.token, org.slug);
    const created = await createApiKeyAction({ name: "to revoke", scopes: ["projects:read"] });
    if (!created.ok) throw new Error(created.error);
    const { secret, key } = created.data;
    expect((await projectsApi.GET(call("GET", "/api/v1/projects", { key: secret }))).status).toBe(
      200,
    );
    expect(
      (
        await projectsApi.POST(
          call("POST", "/api/v1/projects", { key: secret, body: { name: "x" } }),
        )
      ).status,
    ).toBe(403);
    expect(
      await changeApiKeyScopesAction({ id: key.id, scopes: ["projects:read", "projects:write"] }),
    ).toMatchObject({ ok: true });
    const write = await projectsApi.POST(
      call("POST", "/api/v1/projects", { key: secret, body: { name: "After the scope change" } }),
    );
    expect(write.status).toBe(201);

    expect(await revokeApiKeyAction({ id: key.id })).toMatchObject({ ok: true });
    await expectProblem(
      await projectsApi.GET(call("GET", "/api/v1/projects", { key: secret })),
      401,
      "invalid_api_key",
    );
    const actions = await admin.auditLog.findMany({
      where: { organizationId: org.id, targetId: key.id },
      select: { action: true },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "api.key_created",
      "api.key_scopes_changed",
      "api.key_revoked",
    ]);
  });

  it("refuses an expired key", async () => {
    const { secret } = await keyFor(org.id, allScopes, { expiresAt: new Date(Date.now() - 1000) });
    await expectProblem(
      await projectsApi.GET(call("GET", "/api/v1/projects", { key: secret })),
      401,
      "invalid_api_key",
    );
  });

  it("keeps a key working when the member who made it is deleted, and says so", async () => {
    const maker = await userWithSession(admin, "maker", { organizationId: org.id, role: "ADMIN" });
    callAs(maker.token, org.slug);
    const created = await createApiKeyAction({ name: "outlives", scopes: ["projects:read"] });
    if (!created.ok) throw new Error(created.error);
    await admin.user.delete({ where: { id: maker.id } });
    const response = await projectsApi.GET(
      call("GET", "/api/v1/projects", { key: created.data.secret }),
    );
    expect(response.status).toBe(200);
    const row = await admin.apiKey.findUniqueOrThrow({ where: { id: created.data.key.id } });
    expect(row.createdById).toBeNull();
  });
});

describe("/api/v1 authorization", () => {
  it("answers 403 for a missing scope and changes nothing", async () => {
    const { secret } = await keyFor(org.id, ["projects:read"]);
    const before = await projectsOf(org.id);
    const response = await projectsApi.POST(
      call("POST", "/api/v1/projects", { key: secret, body: { name: "Nope" } }),
    );
    await expectProblem(response, 403, "insufficient_scope");
    expect(await projectsOf(org.id)).toBe(before);
    await expectProblem(
      await membersApi.GET(call("GET", "/api/v1/members", { key: secret })),
      403,
      "insufficient_scope",
    );
  });

  it("answers 402 on a plan without API access", async () => {
    const free = await organization(admin, "api-free", { plan: "free", status: "FREE" });
    const { secret } = await keyFor(free.id);
    const body = await expectProblem(
      await projectsApi.GET(call("GET", "/api/v1/projects", { key: secret })),
      402,
      "plan_required",
    );
    expect(body.detail).toMatch(/not included/);
  });

  it("serves the key's organization whatever the Host, and 404s another's projects", async () => {
    const { secret } = await keyFor(org.id);
    const foreign = await admin.project.create({
      data: { organizationId: other.id, name: "Theirs" },
    });
    const headers = { host: `${other.slug}.localhost:3000` };
    const orgResponse = await organizationApi.GET(
      call("GET", "/api/v1/organization", { key: secret, headers }),
    );
    expect(await orgResponse.json()).toEqual({
      id: org.id,
      slug: org.slug,
      name: org.name,
      plan: "business",
    });
    await expectProblem(
      await projectApi.GET(
        call("GET", `/api/v1/projects/${foreign.id}`, { key: secret, headers }),
        params(foreign.id),
      ),
      404,
      "not_found",
    );
    await expectProblem(
      await projectApi.PATCH(
        call("PATCH", `/api/v1/projects/${foreign.id}`, {
          key: secret,
          headers,
          body: { name: "Mine" },
        }),
        params(foreign.id),
      ),
      404,
      "not_found",
    );
    await expectProblem(
      await projectApi.DELETE(
        call("DELETE", `/api/v1/projects/${foreign.id}`, { key: secret, headers }),
        params(foreign.id),
      ),
      404,
      "not_found",
    );
    expect(await admin.project.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({
      name: "Theirs",
    });
  });
});

describe("/api/v1 projects", () => {
  it("creates, reads, updates, lists with a cursor and a name filter, and deletes", async () => {
    const own = await organization(admin, "api-crud");
    const { secret } = await keyFor(own.id);
    await admin.project.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        organizationId: own.id,
        name: i % 2 ? `Alpha ${i}` : `Beta ${i}`,
        createdAt: new Date(Date.UTC(2026, 0, 1)),
      })),
    });
    const created = await projectsApi.POST(
      call("POST", "/api/v1/projects", {
        key: secret,
        body: { name: " Gamma ", description: "g" },
      }),
    );
    expect(created.status).toBe(201);
    const project = projectSchema.parse(await created.json());
    expect(project).toMatchObject({ name: "Gamma", description: "g" });
    const entry = await admin.auditLog.findFirstOrThrow({
      where: { organizationId: own.id, action: "project.created", targetId: project.id },
    });
    expect(entry.actorId).toBeNull();
    expect(entry.metadata).toMatchObject({ name: "Gamma", via: "api", keyId: expect.any(String) });

    const patched = await projectApi.PATCH(
      call("PATCH", `/api/v1/projects/${project.id}`, { key: secret, body: { description: null } }),
      params(project.id),
    );
    expect(projectSchema.parse(await patched.json())).toMatchObject({
      name: "Gamma",
      description: null,
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const page = projectListSchema.parse(
        await (
          await projectsApi.GET(call("GET", `/api/v1/projects${query}`, { key: secret }))
        ).json(),
      );
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    // Newest first; the five created together are ordered by id, with no repeats or gaps.
    expect(seen).toHaveLength(6);
    expect(seen[0]).toBe("Gamma");
    expect(new Set(seen).size).toBe(6);

    const filtered = projectListSchema.parse(
      await (
        await projectsApi.GET(call("GET", "/api/v1/projects?name=alpha", { key: secret }))
      ).json(),
    );
    expect(filtered.data.map((p) => p.name).sort()).toEqual(["Alpha 1", "Alpha 3"]);

    await expectProblem(
      await projectsApi.GET(call("GET", "/api/v1/projects?limit=101", { key: secret })),
      400,
      "invalid_request",
    );
    await expectProblem(
      await projectsApi.POST(call("POST", "/api/v1/projects", { key: secret, body: "{not json" })),
      400,
      "invalid_json",
    );
    await expectProblem(
      await projectsApi.POST(call("POST", "/api/v1/projects", { key: secret, body: { name: "" } })),
      400,
      "invalid_request",
    );

    const deleted = await projectApi.DELETE(
      call("DELETE", `/api/v1/projects/${project.id}`, { key: secret }),
      params(project.id),
    );
    expect(deleted.status).toBe(204);
    expect(await admin.project.findUnique({ where: { id: project.id } })).toBeNull();
  });

  it("lists members read-only", async () => {
    const { secret } = await keyFor(org.id, ["members:read"]);
    const response = await membersApi.GET(call("GET", "/api/v1/members", { key: secret }));
    const body = (await response.json()) as { data: { email: string; role: string }[] };
    expect(body.data).toContainEqual(
      expect.objectContaining({ email: owner.email, role: "OWNER" }),
    );
  });
});

describe("/api/v1 Idempotency-Key", () => {
  it("replays the first answer for the same body and refuses another body with 422", async () => {
    const own = await organization(admin, "api-idem");
    const { secret } = await keyFor(own.id);
    const send = (body: unknown) =>
      projectsApi.POST(
        call("POST", "/api/v1/projects", {
          key: secret,
          body,
          headers: { "idempotency-key": "k-1" },
        }),
      );
    const first = await send({ name: "Once" });
    const second = await send({ name: "Once" });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotency-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await projectsOf(own.id)).toBe(1);

    await expectProblem(await send({ name: "Twice" }), 422, "idempotency_key_reused");
    expect(await projectsOf(own.id)).toBe(1);

    // Past the 24-hour window the key is free again.
    await admin.idempotencyKey.updateMany({
      where: { organizationId: own.id },
      data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) },
    });
    expect((await send({ name: "Twice" })).status).toBe(201);
    expect(await projectsOf(own.id)).toBe(2);
  });

  it("does not keep a failed attempt: the retry runs", async () => {
    const own = await organization(admin, "api-idem-fail");
    const { secret } = await keyFor(own.id);
    const send = (body: unknown) =>
      projectsApi.POST(
        call("POST", "/api/v1/projects", {
          key: secret,
          body,
          headers: { "idempotency-key": "k-2" },
        }),
      );
    expect((await send({ name: "" })).status).toBe(400);
    expect((await send({ name: "" })).status).toBe(400);
    expect(await admin.idempotencyKey.count({ where: { organizationId: own.id } })).toBe(0);
  });
});

describe("/api/v1 rate limits, CORS and headers", () => {
  it("sends RateLimit headers, then 429 with Retry-After once the key's limit is used", async () => {
    const own = await organization(admin, "api-limit");
    const { secret, id } = await keyFor(own.id);
    const ok = await projectsApi.GET(call("GET", "/api/v1/projects", { key: secret }));
    expect(ok.headers.get("ratelimit-limit")).toBe(String(rateLimitPolicies.apiKey.limit));
    expect(ok.headers.get("ratelimit-remaining")).toBe(String(rateLimitPolicies.apiKey.limit - 1));
    expect(Number(ok.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    for (let i = 1; i < rateLimitPolicies.apiKey.limit; i++) await consumeRateLimit("apiKey", id);
    const limited = await projectsApi.GET(call("GET", "/api/v1/projects", { key: secret }));
    await expectProblem(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    await resetRateLimit("apiKey", id);
  });

  it("limits all keys of an organization together", async () => {
    const own = await organization(admin, "api-org-limit");
    const first = await keyFor(own.id);
    const second = await keyFor(own.id);
    const limit = rateLimitPolicies.apiOrganization.limit;
    for (let i = 0; i < limit; i++) await consumeRateLimit("apiOrganization", own.id);
    expect(
      (await projectsApi.GET(call("GET", "/api/v1/projects", { key: first.secret }))).status,
    ).toBe(429);
    expect(
      (await projectsApi.GET(call("GET", "/api/v1/projects", { key: second.secret }))).status,
    ).toBe(429);
    await resetRateLimit("apiOrganization", own.id);
  });

  it("answers preflight for any origin without credentials", async () => {
    const response = await projectsApi.OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    const allowed = (response.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    for (const header of ["authorization", "content-type", "idempotency-key"]) {
      expect(allowed).toContain(header);
    }
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("puts CORS and the request id on every answer", async () => {
    const { secret } = await keyFor(org.id);
    const response = await projectsApi.GET(
      call("GET", "/api/v1/projects", { key: secret, headers: { origin: "https://ci.example" } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("x-request-id")).toBe(`req-${sent}`);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("/api/v1 metering", () => {
  it("counts each successful call for its key and organization, and no refused one", async () => {
    const store = createMemoryUsageStore();
    setUsageStore(store);
    try {
      const { secret, id } = await keyFor(org.id, ["projects:read"]);
      for (let i = 0; i < 3; i++) {
        const ok = await projectsApi.GET(call("GET", "/api/v1/projects", { key: secret }));
        expect(ok.status).toBe(200);
      }
      const refused = await membersApi.GET(call("GET", "/api/v1/members", { key: secret }));
      expect(refused.status).toBe(403);

      // Operators see the answers by plan tier; the organization stays out of the labels.
      const series = await metrics.registry.getSingleMetricAsString("keel_api_calls_total");
      expect(series).toMatch(/keel_api_calls_total\{plan="business",status="2xx"\} [1-9]/);
      expect(series).not.toContain(org.id);

      // A minute later every bucket those calls went to is closed and can be flushed.
      await flushUsage({ now: new Date(Date.now() + 2 * 60_000), store });
      expect((await usageByKey(org.id)).get(id)).toBe(3);
    } finally {
      setUsageStore(undefined);
    }
  });
});
