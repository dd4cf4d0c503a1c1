import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as NextServer from "next/server";
import { adminDatabase } from "../support/admin-db";

/**
 * Inbox flooding: every email a stranger can make the app send is capped per recipient,
 * so however many client addresses an attacker rotates through (here honest ones, as a
 * trusted proxy would report them), one inbox gets at most the cap. A capped request is
 * answered byte for byte like any other, so the caps reveal nothing about accounts.
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
const admin = adminDatabase();
let mailboxDir: string;
let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.test`;

async function load() {
  vi.resetModules();
  const [signUp, reset, magic] = await Promise.all([
    import("@/app/api/account/sign-up/route"),
    import("@/app/api/account/password-reset/route"),
    import("@/app/api/account/magic-link/route"),
  ]);
  return { signUp, reset, magic };
}
let app: Awaited<ReturnType<typeof load>>;

/** A request from its own client address, as the trusted proxy (Vercel here) reports it. */
function postFrom(ip: string, body: unknown) {
  return new Request(`${ORIGIN}/api/account/x`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, "x-real-ip": ip },
    body: JSON.stringify(body),
  });
}

/** Sends `count` requests, each from a new address; returns what each client saw. */
async function fromRotatingAddresses(count: number, send: (ip: string) => Promise<Response>) {
  const answers: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await send(`203.0.113.${(++counter % 250) + 1}`);
    answers.push(`${response.status} ${await response.text()}`);
  }
  while (afterTasks.length > 0) await afterTasks.shift()!();
  return answers;
}

async function mailsTo(to: string, template: string) {
  return admin.outboxMessage.count({
    where: {
      AND: [
        { payload: { path: ["to"], equals: to } },
        { payload: { path: ["template"], equals: template } },
      ],
    },
  });
}

beforeAll(async () => {
  mailboxDir = await mkdtemp(path.join(tmpdir(), "keel-caps-mailbox-"));
  process.env.KEEL_MAILBOX_DIR = mailboxDir;
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  app = await load();
});

beforeEach(() => {
  afterTasks.length = 0;
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});

afterAll(async () => {
  await admin.$disconnect();
  delete process.env.KEEL_MAILBOX_DIR;
  await rm(mailboxDir, { recursive: true, force: true });
});

describe("per-recipient caps", () => {
  it("sends one registered address at most 3 'account exists' emails from sign-ups", async () => {
    const owner = uniqueEmail("owner");
    await admin.user.create({ data: { email: owner, name: "Owner", emailVerified: new Date() } });

    const answers = await fromRotatingAddresses(8, (ip) =>
      app.signUp.POST(postFrom(ip, { name: "X", email: owner, password: "a long passphrase" })),
    );

    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^202 /);
    expect(await mailsTo(owner, "accountExists")).toBe(3);
  });

  it("answers a capped sign-up for a new address exactly like one that goes through", async () => {
    const fresh = uniqueEmail("fresh");
    const registered = uniqueEmail("registered");
    await admin.user.create({ data: { email: registered, name: "R", emailVerified: new Date() } });
    const signUp = (email: string) => (ip: string) =>
      app.signUp.POST(postFrom(ip, { name: "X", email, password: "a long passphrase" }));

    const answers = [
      ...(await fromRotatingAddresses(5, signUp(fresh))),
      ...(await fromRotatingAddresses(5, signUp(registered))),
    ];

    expect(new Set(answers).size).toBe(1);
    expect(await mailsTo(fresh, "verifyEmail")).toBe(1);
    expect(await mailsTo(fresh, "accountExists")).toBe(2);
  });

  it("sends one address at most 5 password-reset emails, answering every request the same", async () => {
    const owner = uniqueEmail("reset");
    const nobody = uniqueEmail("reset-nobody");
    await admin.user.create({ data: { email: owner, name: "Owner", emailVerified: new Date() } });

    const answers = [
      ...(await fromRotatingAddresses(8, (ip) => app.reset.POST(postFrom(ip, { email: owner })))),
      ...(await fromRotatingAddresses(8, (ip) => app.reset.POST(postFrom(ip, { email: nobody })))),
    ];

    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^202 /);
    expect(await mailsTo(owner, "passwordReset")).toBe(5);
  });

  it("sends one address at most 5 magic links, answering every request the same", async () => {
    const target = uniqueEmail("magic");

    const answers = await fromRotatingAddresses(8, (ip) =>
      app.magic.POST(postFrom(ip, { email: target })),
    );

    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^202 /);
    expect(await mailsTo(target, "magicLink")).toBe(5);
  });
});
