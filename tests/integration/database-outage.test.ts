import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { APP_ROLE, createDatabaseClient, type Database } from "@/lib/db/create-client";
import { behindPooler } from "@/lib/db/profile";
import { adminDatabase } from "../support/admin-db";
import { startFaultProxy, type FaultProxy } from "../support/tcp-fault-proxy";
import { callAs, organization, tenantRequest, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * A database that stops answering without closing its connections (a failover, a
 * dropped network path): the app's client talks to the database through a proxy that can
 * swallow every byte, on new and already open connections alike. While it does, requests
 * must fail fast with 503 and Retry-After; once it stops, they must succeed again on
 * their own, without a restart, although the connections that fell in never answer.
 *
 * No timing is asserted: each test's own timeout is the bound that proves nothing hangs
 * (without the bounds, a request waits forever). It is generous, for a busy machine: each
 * 503 takes about a second or three here, the rest is ordinary work.
 */

const embedded = process.env.KEEL_EMBEDDED_DB === "1";
const admin = adminDatabase();
const g = globalThis as unknown as { keelDb?: Database };
const saved = g.keelDb;
let proxy: FaultProxy;
let client: Database;

beforeAll(async () => {
  proxy = await startFaultProxy(process.env.DATABASE_URL!);
  // The app's own client (as lib/db/index.ts builds it), through the proxy, with short
  // bounds so the test does not wait out production defaults.
  client = createDatabaseClient(proxy.url, {
    poolSize: 2,
    role: embedded ? null : APP_ROLE,
    pooled: behindPooler({
      databaseUrl: process.env.DATABASE_URL,
      directUrl: process.env.DIRECT_URL,
    }),
    ...(embedded ? { maxUses: 1 } : {}),
    timeouts: { connectMs: 1_000, statementMs: 1_000, transactionMs: 2_000 },
  });
  // The first query loads Prisma's query compiler, which can take longer than the health
  // check waits on a busy machine.
  await client.$queryRaw`SELECT 1`;
});

afterAll(async () => {
  g.keelDb = saved;
  proxy.blackHole(false);
  await client.$disconnect().catch(() => {});
  await proxy.stop();
  if (g.keelDb !== admin) await admin.$disconnect();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `request` until it answers `status`; the test's timeout bounds the wait. */
async function untilStatus(request: () => Promise<Response>, status: number): Promise<Response> {
  for (;;) {
    const response = await request();
    if (response.status === status) return response;
    await pause(250);
  }
}

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
}

describe("a database that stops answering", () => {
  it("GET /api/health answers 503 with Retry-After while it is gone, then 200 without a restart", async () => {
    const { GET } = await import("@/app/api/health/route");
    g.keelDb = client;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect((await GET()).status).toBe(200);
      proxy.blackHole(true);
      // More requests than the pool has connections: every connection falls in.
      const during = await Promise.all(Array.from({ length: 4 }, () => GET()));
      for (const response of during) await expectUnavailable(response);
      const body = await during[0]!.json();
      expect(body.checks.database.status).toBe("down");

      proxy.blackHole(false);
      const after = await untilStatus(() => GET(), 200);
      expect((await after.json()).checks.database.status).toBe("up");
    } finally {
      g.keelDb = saved;
      vi.mocked(console.error).mockRestore();
    }
  }, 90_000);

  it("the JSON APIs and actions answer 503 with Retry-After and a clear message, then work again", async () => {
    const org = await organization(admin, "outage");
    const owner = await userWithSession(admin, "outage-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    const projects = await import("@/app/api/projects/route");
    const accountSignIn = await import("@/app/api/account/sign-in/route");
    const { createProjectAction } = await import("@/lib/projects/actions");
    callAs(owner.token, org.slug);
    const get = () => {
      const headers = new Headers(tenantRequest.headers);
      headers.set("cookie", `keel.session=${owner.token}`);
      return projects.GET(new Request(`http://${headers.get("host")}/api/projects`, { headers }));
    };
    g.keelDb = client;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect((await get()).status).toBe(200);
      proxy.blackHole(true);
      const during = await Promise.all(Array.from({ length: 3 }, () => get()));
      for (const response of during) {
        await expectUnavailable(response);
        expect((await response.json()).error).toMatch(/temporarily unavailable/i);
      }
      const signIn = await accountSignIn.POST(
        new Request("http://localhost:3000/api/account/sign-in", {
          method: "POST",
          headers: { origin: "http://localhost:3000", "content-type": "application/json" },
          body: JSON.stringify({ email: owner.email, password: "not-the-password" }),
        }),
      );
      await expectUnavailable(signIn);
      const action = await createProjectAction({ name: "During the outage" });
      expect(action).toMatchObject({ ok: false, status: 503 });
      if (!action.ok) expect(action.error).toMatch(/temporarily unavailable/i);

      proxy.blackHole(false);
      await untilStatus(get, 200);
      expect(await createProjectAction({ name: "After the outage" })).toMatchObject({ ok: true });
    } finally {
      g.keelDb = saved;
      vi.mocked(console.error).mockRestore();
    }
    const names = await admin.project.findMany({
      where: { organizationId: org.id },
      select: { name: true },
    });
    expect(names).toEqual([{ name: "After the outage" }]);
  }, 90_000);
});
