import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as NextServer from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { adminDatabase } from "../support/admin-db";
import { callAs, organization, tenantRequest, userWithSession } from "../support/tenant-request";

/**
 * The route wrappers as a client meets them (the JSON refusals, in the order the guards
 * run), and email delivery after the response: whatever a request queued and committed,
 * with no ids passed by hand, and nothing from a transaction that rolled back.
 */

// Work scheduled with after() runs when the test says so (the response is already out).
const afterTasks: (() => Promise<unknown> | unknown)[] = [];
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: (task: () => Promise<unknown> | unknown) => void afterTasks.push(task),
}));
vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());

const admin = adminDatabase();
let mailboxDir: string;

async function load() {
  const [{ db }, route, chain, outbox] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/actions/route"),
    import("@/lib/actions/chain"),
    import("@/lib/outbox/enqueue"),
  ]);
  return { db, ...route, ...chain, ...outbox };
}
let app: Awaited<ReturnType<typeof load>>;

beforeAll(async () => {
  mailboxDir = await mkdtemp(path.join(tmpdir(), "keel-mailbox-"));
  process.env.KEEL_MAILBOX_DIR = mailboxDir;
  app = await load();
});

afterAll(async () => {
  await rm(mailboxDir, { recursive: true, force: true });
  await admin.$disconnect();
});

beforeEach(() => {
  afterTasks.length = 0;
});

/** A request to the host `callAs` chose, from one of its own pages unless told otherwise. */
function routeRequest(method: string, body?: string, origin?: string) {
  const headers = new Headers(tenantRequest.headers);
  headers.set("origin", origin ?? `http://${headers.get("host")}`);
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://${headers.get("host")}/api/test`, { method, headers, body });
}

async function answer(response: Response) {
  return { status: response.status, body: await response.json() };
}

describe("withMember", () => {
  let ran = 0;
  const renameSchema = z.strictObject({ name: z.string().min(1).max(50) });
  const rename = () =>
    app.memberAction("test.rename", "org:update", renameSchema, async ({ name }) => ({ name }));
  const handler = () =>
    app.withMember({ permission: "org:update", feature: "api", body: "json" }, async ({ body }) => {
      ran++;
      return app.toResponse(await rename()(body));
    });

  it("answers 403/401/404/403/402/400/422 as JSON in the order of its guards, then runs", async () => {
    const paid = await organization(admin, "wrap-paid");
    const free = await organization(admin, "wrap-free", { plan: "free", status: "FREE" });
    const owner = await userWithSession(admin, "wrap-owner", {
      organizationId: paid.id,
      role: "OWNER",
    });
    const member = await userWithSession(admin, "wrap-member", {
      organizationId: paid.id,
      role: "MEMBER",
    });
    const freeOwner = await userWithSession(admin, "wrap-free-owner", {
      organizationId: free.id,
      role: "OWNER",
    });
    const POST = handler();
    const ok = JSON.stringify({ name: "Renamed" });

    callAs(owner.token, paid.slug);
    expect(await answer(await POST(routeRequest("POST", ok, "https://evil.example")))).toEqual({
      status: 403,
      body: { error: "Cross-origin requests are not allowed." },
    });
    callAs(undefined, paid.slug);
    expect(await answer(await POST(routeRequest("POST", ok)))).toEqual({
      status: 401,
      body: { error: "Sign in to continue." },
    });
    callAs(owner.token, free.slug);
    expect(await answer(await POST(routeRequest("POST", ok)))).toEqual({
      status: 404,
      body: { error: "That organization could not be found." },
    });
    callAs(member.token, paid.slug);
    expect(await answer(await POST(routeRequest("POST", ok)))).toEqual({
      status: 403,
      body: { error: "You do not have permission to do that." },
    });
    callAs(freeOwner.token, free.slug);
    const planLimit = await answer(await POST(routeRequest("POST", ok)));
    expect(planLimit).toMatchObject({ status: 402, body: { code: "plan_limit" } });
    callAs(owner.token, paid.slug);
    expect(await answer(await POST(routeRequest("POST", "not json")))).toEqual({
      status: 400,
      body: { error: "The request is not valid." },
    });
    expect(ran).toBe(0);
    expect(await answer(await POST(routeRequest("POST", JSON.stringify({ name: "" }))))).toEqual(
      expect.objectContaining({ status: 422 }),
    );
    expect(await answer(await POST(routeRequest("POST", ok)))).toEqual({
      status: 200,
      body: { data: { name: "Renamed" } },
    });
    expect(ran).toBe(2);
  });

  it("answers what the handler throws like an action's failure, never with its text", async () => {
    const org = await organization(admin, "wrap-throw");
    const owner = await userWithSession(admin, "wrap-throw-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const GET = app.withMember({ permission: "projects:read" }, async () => {
      throw new Error("secret internals");
    });
    callAs(owner.token, org.slug);
    const response = await GET(routeRequest("GET"));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secret internals");
    vi.mocked(console.error).mockRestore();
  });
});

describe("delivery after the response", () => {
  const rows = (to: string) =>
    admin.outboxMessage.findMany({
      where: { payload: { path: ["to"], equals: to } },
      select: { id: true, status: true },
    });
  const welcome = (to: string) => ({ to, template: "welcome" as const, data: { name: "Ada" } });
  const runAfterTasks = async () => {
    while (afterTasks.length > 0) await afterTasks.shift()!();
  };

  it("delivers what a committed transaction queued, with no ids passed, and nothing else due", async () => {
    const bystander = `bystander-${Date.now()}@example.test`;
    await app.enqueueEmail(app.db, welcome(bystander));
    const to = `committed-${Date.now()}@example.test`;
    const action = app.publicAction("test.committed", z.strictObject({}), async () => {
      await app.db.$transaction(async (tx) => {
        await app.enqueueEmail(tx, welcome(to));
      });
      return "done";
    });

    expect(await action({})).toEqual({ ok: true, data: "done" });
    // Nothing is sent before the response.
    expect(await rows(to)).toEqual([{ id: expect.any(String), status: "PENDING" }]);
    expect(afterTasks).toHaveLength(1);
    await runAfterTasks();
    expect((await rows(to)).map((r) => r.status)).toEqual(["SENT"]);
    expect((await rows(bystander)).map((r) => r.status)).toEqual(["PENDING"]);
  });

  it("delivers nothing from a transaction that rolled back", async () => {
    const bystander = `bystander-rb-${Date.now()}@example.test`;
    await app.enqueueEmail(app.db, welcome(bystander));
    const to = `rolled-back-${Date.now()}@example.test`;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const action = app.publicAction("test.rolled_back", z.strictObject({}), async () => {
      await app.db.$transaction(async (tx) => {
        await app.enqueueEmail(tx, welcome(to));
        throw new Error("the change failed");
      });
    });

    expect(await action({})).toMatchObject({ ok: false, status: 500 });
    vi.mocked(console.error).mockRestore();
    await runAfterTasks();
    expect(await rows(to)).toEqual([]);
    // The delivery asked only for the request's own rows: other due mail waits for the cron.
    expect((await rows(bystander)).map((r) => r.status)).toEqual(["PENDING"]);
  });

  it("delivers once per request, for a route whose actions both queue mail", async () => {
    const [first, second] = [`one-${Date.now()}@example.test`, `two-${Date.now()}@example.test`];
    const queue = (to: string) =>
      app.publicAction("test.queue", z.strictObject({}), () =>
        app.db.$transaction(async (tx) => {
          await app.enqueueEmail(tx, welcome(to));
        }),
      );
    const POST = app.withPublic({}, async () => {
      await queue(first)({});
      await queue(second)({});
      return new Response(null, { status: 204 });
    });
    callAs(undefined);
    expect((await POST(routeRequest("POST"))).status).toBe(204);
    expect(afterTasks).toHaveLength(1);
    await runAfterTasks();
    expect([...(await rows(first)), ...(await rows(second))].map((r) => r.status)).toEqual([
      "SENT",
      "SENT",
    ]);
  });
});
