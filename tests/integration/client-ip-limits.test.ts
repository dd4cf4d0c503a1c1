import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as NextServer from "next/server";

/**
 * The per-IP limits of sign-in and sign-up against a client that forges its address:
 * under each TRUSTED_PROXY setting, rotating the headers a client controls must not buy
 * it a fresh budget. Only the address the trusted proxy wrote counts.
 */

// Nothing runs after the response: these tests are about the answers.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: () => undefined,
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const ORIGIN = "http://localhost:3000";
let mailboxDir: string;
let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.test`;
/** A different forged address for every request. */
const forgedIp = () => `192.0.2.${(++counter % 250) + 1}`;

/** The sign-up and sign-in routes, loaded with `trustedProxy` and a fresh memory store. */
async function routesTrusting(trustedProxy: string) {
  process.env.TRUSTED_PROXY = trustedProxy;
  delete (globalThis as { keelRateLimiter?: unknown }).keelRateLimiter;
  vi.resetModules();
  const [signUp, signIn] = await Promise.all([
    import("@/app/api/account/sign-up/route"),
    import("@/app/api/account/sign-in/route"),
  ]);
  return { signUp, signIn };
}

function post(body: unknown, headers: Record<string, string>) {
  return new Request(`${ORIGIN}/api/account/x`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  });
}

const signUpBody = () => ({
  name: "Spray",
  email: uniqueEmail("spray"),
  password: "a long passphrase",
});
const signInBody = () => ({ email: uniqueEmail("nobody"), password: "a wrong passphrase" });

/** Statuses of `count` requests, each with headers from `headersFor(i)`. */
async function statuses(
  count: number,
  send: (headers: Record<string, string>) => Promise<Response>,
  headersFor: (i: number) => Record<string, string>,
) {
  const result: number[] = [];
  for (let i = 0; i < count; i++) result.push((await send(headersFor(i))).status);
  return result;
}

beforeAll(async () => {
  mailboxDir = await mkdtemp(path.join(tmpdir(), "keel-ip-mailbox-"));
  process.env.KEEL_MAILBOX_DIR = mailboxDir;
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
});

afterAll(async () => {
  process.env.TRUSTED_PROXY = "vercel";
  delete process.env.KEEL_MAILBOX_DIR;
  await rm(mailboxDir, { recursive: true, force: true });
});

describe("TRUSTED_PROXY=none", () => {
  it("keeps the sign-up limit however x-real-ip and x-forwarded-for are rotated", async () => {
    const { signUp } = await routesTrusting("none");
    const answers = await statuses(
      6,
      (headers) => signUp.POST(post(signUpBody(), headers)),
      () => ({ "x-real-ip": forgedIp(), "x-forwarded-for": forgedIp() }),
    );
    expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
  });
});

describe("TRUSTED_PROXY=1 (one load balancer that appends to x-forwarded-for)", () => {
  it("keeps the sign-in limit when the client rotates x-real-ip and its own x-forwarded-for entries", async () => {
    const { signIn } = await routesTrusting("1");
    // The balancer appends the address it saw (198.51.100.70) after whatever the client sent.
    const answers = await statuses(
      31,
      (headers) => signIn.POST(post(signInBody(), headers)),
      () => ({ "x-real-ip": forgedIp(), "x-forwarded-for": `${forgedIp()}, 198.51.100.70` }),
    );
    expect(answers.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(answers[30]).toBe(429);
  }, 120_000);

  it("keeps the sign-up limit across the addresses of one IPv6 /64", async () => {
    const { signUp } = await routesTrusting("1");
    const hex = () => Math.floor(Math.random() * 0xffff).toString(16);
    const answers = await statuses(
      6,
      (headers) => signUp.POST(post(signUpBody(), headers)),
      () => ({ "x-forwarded-for": `2001:db8:77:1:${hex()}:${hex()}:${hex()}:${hex()}` }),
    );
    expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it("still gives distinct clients their own budgets", async () => {
    const { signUp } = await routesTrusting("1");
    const answers = await statuses(
      6,
      (headers) => signUp.POST(post(signUpBody(), headers)),
      (i) => ({ "x-forwarded-for": `198.51.100.${100 + i}` }),
    );
    expect(answers).toEqual([202, 202, 202, 202, 202, 202]);
  });
});

describe("TRUSTED_PROXY=cloudflare", () => {
  it("keeps the sign-up limit when only x-real-ip and x-forwarded-for change", async () => {
    const { signUp } = await routesTrusting("cloudflare");
    const answers = await statuses(
      6,
      (headers) => signUp.POST(post(signUpBody(), headers)),
      () => ({
        "cf-connecting-ip": "198.51.100.80",
        "x-real-ip": forgedIp(),
        "x-forwarded-for": forgedIp(),
      }),
    );
    expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
  });
});
