import { createHash, createHmac, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

/**
 * The QStash trigger: only calls QStash signed for this URL and body, with its current or
 * next signing key, drain the job queue.
 */

const keys = vi.hoisted(() => {
  const current = "sig_current_key_for_the_qstash_tests";
  const next = "sig_next_key_for_the_qstash_tests";
  process.env.QSTASH_TOKEN = "qstash-token-for-tests";
  process.env.QSTASH_CURRENT_SIGNING_KEY = current;
  process.env.QSTASH_NEXT_SIGNING_KEY = next;
  return { current, next };
});

const { POST } = await import("@/app/api/cron/qstash/route");
const { env } = await import("@/lib/env");
const { db } = await import("@/lib/db");

afterAll(async () => {
  await db.$disconnect();
  delete process.env.QSTASH_TOKEN;
  delete process.env.QSTASH_CURRENT_SIGNING_KEY;
  delete process.env.QSTASH_NEXT_SIGNING_KEY;
  vi.resetModules();
});

const base64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

/** A signature as QStash makes it: an HS256 JWT over the URL and the body's SHA-256. */
function sign(key: string, url: string, body: string, { expiresIn = 300 } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(
    JSON.stringify({
      iss: "Upstash",
      sub: url,
      iat: now,
      nbf: now,
      exp: now + expiresIn,
      jti: randomUUID(),
      body: base64url(createHash("sha256").update(body).digest()),
    }),
  );
  const signature = base64url(createHmac("sha256", key).update(`${header}.${payload}`).digest());
  return `${header}.${payload}.${signature}`;
}

const url = () => `${env.appUrl}/api/cron/qstash`;
const call = (body: string, signature?: string) =>
  POST(
    new Request(url(), {
      method: "POST",
      body,
      headers: signature ? { "upstash-signature": signature } : {},
    }),
  );

describe("POST /api/cron/qstash", () => {
  it("drains the queue for a call signed with the current or the next key", async () => {
    const body = "{}";
    const current = await call(body, sign(keys.current, url(), body));
    expect(current.status).toBe(200);
    expect(await current.json()).toEqual({
      sent: expect.any(Number),
      failed: expect.any(Number),
      dead: expect.any(Number),
    });
    // After a key rotation QStash signs with what was the next key.
    expect((await call(body, sign(keys.next, url(), body))).status).toBe(200);
  });

  it("refuses unsigned, wrongly signed, expired, and replayed-elsewhere calls", async () => {
    const body = "{}";
    expect((await call(body)).status).toBe(401);
    expect((await call(body, sign("some-other-key", url(), body))).status).toBe(401);
    expect((await call(body, sign(keys.current, url(), body, { expiresIn: -60 }))).status).toBe(
      401,
    );
    expect(
      (await call(body, sign(keys.current, "https://elsewhere.example/api/cron/qstash", body)))
        .status,
    ).toBe(401);
    expect((await call('{"changed":true}', sign(keys.current, url(), body))).status).toBe(401);
    expect((await call(body, "not-a-jwt")).status).toBe(401);
  });

  it("does not exist when QStash is not configured", async () => {
    delete process.env.QSTASH_TOKEN;
    delete process.env.QSTASH_CURRENT_SIGNING_KEY;
    delete process.env.QSTASH_NEXT_SIGNING_KEY;
    vi.resetModules();
    const route = await import("@/app/api/cron/qstash/route");
    const body = "{}";
    const response = await route.POST(
      new Request(url(), {
        method: "POST",
        body,
        headers: { "upstash-signature": sign(keys.current, url(), body) },
      }),
    );
    expect(response.status).toBe(404);
  });
});
