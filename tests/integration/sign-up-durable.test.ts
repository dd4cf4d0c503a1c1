import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as NextServer from "next/server";

/**
 * A sign-up answered 202 is a promise: the account (or the "account exists" notice) must
 * follow even when the database fails right after the response. The work is queued
 * durably before the answer, and the outbox's retries (the cron) finish it.
 */

const afterTasks: (() => Promise<unknown> | unknown)[] = [];
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: (task: () => Promise<unknown> | unknown) => void afterTasks.push(task),
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const ORIGIN = "http://localhost:3000";
let mailboxDir: string;
let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.test`;

async function load() {
  vi.resetModules();
  const [{ db }, signUp, deliver] = await Promise.all([
    import("@/lib/db"),
    import("@/app/api/account/sign-up/route"),
    import("@/lib/outbox/deliver"),
  ]);
  return { db, signUp, ...deliver };
}
let app: Awaited<ReturnType<typeof load>>;

/** The client behind `db` (a lazy proxy), for making it fail. */
function prismaClient() {
  const client = (globalThis as { keelDb?: typeof app.db }).keelDb;
  if (!client) throw new Error("The database client has not connected yet.");
  return client;
}

function signUpRequest(email: string) {
  return new Request(`${ORIGIN}/api/account/sign-up`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: ORIGIN,
      "x-real-ip": `198.51.100.${(++counter % 250) + 1}`,
    },
    body: JSON.stringify({ name: "Durable", email, password: "a long passphrase" }),
  });
}

/** Runs the after-response work while every database call fails, as in an outage. */
async function runAfterTasksWithDatabaseDown() {
  const client = prismaClient();
  // Typed loosely: Prisma's methods return PrismaPromises, a rejection is all we need.
  const down = (() => Promise.reject(new Error("Connection terminated unexpectedly"))) as never;
  const spies = [
    vi.spyOn(client, "$transaction").mockImplementation(down),
    vi.spyOn(client, "$queryRaw").mockImplementation(down),
    vi.spyOn(client, "$executeRaw").mockImplementation(down),
  ];
  try {
    while (afterTasks.length > 0) await afterTasks.shift()!();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

const inAnHour = () => new Date(Date.now() + 60 * 60_000);

beforeAll(async () => {
  mailboxDir = await mkdtemp(path.join(tmpdir(), "keel-durable-mailbox-"));
  process.env.KEEL_MAILBOX_DIR = mailboxDir;
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  app = await load();
  await app.db.user.count(); // connects, so the client can be made to fail
});

beforeEach(() => {
  afterTasks.length = 0;
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

afterAll(async () => {
  await app.db.$disconnect();
  delete process.env.KEEL_MAILBOX_DIR;
  await rm(mailboxDir, { recursive: true, force: true });
});

describe("sign-up when the database fails after the response", () => {
  it("still creates the account and sends its verification email once the outbox retries", async () => {
    const email = uniqueEmail("durable");

    const response = await app.signUp.POST(signUpRequest(email));
    expect(response.status).toBe(202);
    await runAfterTasksWithDatabaseDown();
    expect(await app.db.user.findUnique({ where: { email } })).toBeNull();

    // The database is back; the cron drains the outbox (later, past the retry delay).
    await app.drainOutbox({ now: inAnHour() });

    const user = await app.db.user.findUnique({ where: { email } });
    expect(user).toMatchObject({ name: "Durable", emailVerified: null });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    const mails = await app.db.outboxMessage.findMany({
      where: { payload: { path: ["to"], equals: email } },
    });
    expect(mails.map((m) => [(m.payload as { template: string }).template, m.status])).toEqual([
      ["verifyEmail", "SENT"],
    ]);
  });

  it("still tells a registered address's owner, and keeps no password hash in the outbox", async () => {
    const email = uniqueEmail("registered");
    await app.db.user.create({ data: { email, name: "Owner", emailVerified: new Date() } });

    expect((await app.signUp.POST(signUpRequest(email))).status).toBe(202);
    await runAfterTasksWithDatabaseDown();
    await app.drainOutbox({ now: inAnHour() });

    const rows = await app.db.outboxMessage.findMany({
      where: { createdAt: { gte: new Date(Date.now() - 60_000) } },
    });
    const toOwner = rows.filter((m) => (m.payload as { to?: string }).to === email);
    expect(toOwner.map((m) => [(m.payload as { template: string }).template, m.status])).toEqual([
      ["accountExists", "SENT"],
    ]);
    expect(JSON.stringify(rows)).not.toContain("$argon2id$");
  });
});
