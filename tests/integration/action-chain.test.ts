import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { adminDatabase } from "../support/admin-db";

/**
 * The action wrapper chain as an attacker meets it: without a session, on another
 * organization's host, with a role that lacks the permission, with extra fields.
 */

const request = { host: "localhost:3000", cookie: undefined as string | undefined };
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: request.host, "x-real-ip": "203.0.113.77" }),
  cookies: async () => ({
    get: (name: string) =>
      name === "keel.session" && request.cookie ? { name, value: request.cookie } : undefined,
    set: () => undefined,
  }),
}));

async function load() {
  const [{ db }, chain, errors, store] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/actions/chain"),
    import("@/lib/errors"),
    import("@/lib/auth/session-store"),
  ]);
  return { db, ...chain, ...errors, ...store };
}
let app: Awaited<ReturnType<typeof load>>;
// Fixtures span organizations, which the app's row-level security never allows at once.
const admin = adminDatabase();
const suffix = Date.now();
const tokens: Record<string, string> = {};

const renameSchema = z.strictObject({ name: z.string().min(1).max(50) });
let ran = 0;

beforeAll(async () => {
  app = await load();
  const orgA = await admin.organization.create({
    data: { slug: `alpha-${suffix}`, name: "Alpha" },
  });
  const orgB = await admin.organization.create({
    data: { slug: `bravo-${suffix}`, name: "Bravo" },
  });
  for (const [label, org, role] of [
    ["ownerA", orgA, "OWNER"],
    ["memberA", orgA, "MEMBER"],
    ["ownerB", orgB, "OWNER"],
  ] as const) {
    const user = await app.db.user.create({ data: { email: `${label}-${suffix}@example.test` } });
    await admin.membership.create({ data: { userId: user.id, organizationId: org.id, role } });
    tokens[label] = (await app.createSession(app.db, { userId: user.id })).token;
  }
});

beforeEach(() => {
  ran = 0;
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

afterAll(async () => {
  await app.db.$disconnect();
  await admin.$disconnect();
});

function as(actor: string | undefined, slug: string) {
  request.cookie = actor ? tokens[actor] : undefined;
  request.host = `${slug}-${suffix}.localhost:3000`;
}

const rename = () =>
  app.memberAction("org.rename", "org:update", renameSchema, async (input, ctx) => {
    ran++;
    return { organization: ctx.organization.slug, name: input.name, role: ctx.role };
  });

describe("memberAction", () => {
  it("runs for a member with the permission, with the organization from their membership", async () => {
    as("ownerA", "alpha");
    const result = await rename()({ name: "Alpha Inc" });
    expect(result).toEqual({
      ok: true,
      data: { organization: `alpha-${suffix}`, name: "Alpha Inc", role: "OWNER" },
    });
  });

  it("refuses a caller without a session before looking at the input", async () => {
    as(undefined, "alpha");
    expect(await rename()({ unexpected: true })).toMatchObject({ ok: false, status: 401 });
    expect(ran).toBe(0);
  });

  it("answers not found on an organization the caller does not belong to", async () => {
    as("ownerB", "alpha");
    expect(await rename()({ name: "Taken over" })).toMatchObject({ ok: false, status: 404 });
    expect(ran).toBe(0);
  });

  it("refuses a member without the permission (a direct POST gets the same check)", async () => {
    as("memberA", "alpha");
    const formData = new FormData();
    formData.set("name", "Renamed by a member");
    expect(await rename()(formData)).toEqual({
      ok: false,
      status: 403,
      error: "You do not have permission to do that.",
    });
    expect(ran).toBe(0);
  });

  it("refuses unknown fields, so organizationId or role cannot be slipped in", async () => {
    as("ownerA", "alpha");
    const result = await rename()({ name: "Alpha", organizationId: "someone-else", role: "OWNER" });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(result.ok ? {} : result.fieldErrors).toMatchObject({
      organizationId: expect.any(String),
      role: expect.any(String),
    });
    expect(ran).toBe(0);
  });

  it("answers not found on the root host or a foreign host", async () => {
    request.cookie = tokens.ownerA;
    for (const host of ["localhost:3000", "evil.example", `alpha-${suffix}.evil.example`]) {
      request.host = host;
      expect(await rename()({ name: "x" })).toMatchObject({ ok: false, status: 404 });
    }
    expect(ran).toBe(0);
  });
});

describe("errors", () => {
  it("passes expected messages and hides unexpected ones", async () => {
    as("ownerA", "alpha");
    const expected = app.memberAction("x", "projects:read", z.strictObject({}), async () => {
      throw new app.ExpectedError("That name is taken.", 409);
    });
    expect(await expected({})).toEqual({ ok: false, status: 409, error: "That name is taken." });

    const unexpected = app.memberAction("x", "projects:read", z.strictObject({}), async () => {
      throw new Error('relation "secret_table" does not exist');
    });
    const result = await unexpected({});
    expect(result).toMatchObject({ ok: false, status: 500 });
    expect(JSON.stringify(result)).not.toContain("secret_table");
  });

  it("maps results to JSON responses for route handlers", async () => {
    const response = app.toResponse({
      ok: false,
      status: 403,
      error: "You do not have permission to do that.",
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "You do not have permission to do that." });
  });
});
