import { app, e2ePort, rootHost } from "./support/app";
import { expect, test } from "./support/test";

/**
 * The production server at the HTTP level, as an attacker or a scanner meets it: the
 * headers every answer carries, and clear 4xx answers (never a 500) to requests it does
 * not serve.
 */

// Node does not resolve keel.test (Chromium maps it): call loopback with the Host header.
const direct = `http://127.0.0.1:${e2ePort}`;
const tenantHost = `acme.${rootHost}`;

const directive = (policy: string | undefined, name: string) =>
  (policy ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `)) ?? "";

test("every kind of answer carries the CSP, and JSON answers are never cached", async ({
  request,
}) => {
  for (const [path, host] of [
    ["/", rootHost],
    ["/pricing", rootHost],
    ["/sign-in", rootHost],
    ["/projects", tenantHost],
    ["/api/health", rootHost],
    ["/api/projects", tenantHost],
    ["/no-such-page", rootHost],
  ] as const) {
    const url = `${host}${path}`;
    const response = await request.get(`${direct}${path}`, { headers: { host }, maxRedirects: 0 });
    const policy = response.headers()["content-security-policy"];
    expect(policy, url).toBeDefined();
    const scripts = directive(policy, "script-src");
    expect(scripts, url).toMatch(/^script-src 'self' /);
    expect(scripts, url).not.toContain("'unsafe-inline'");
    expect(scripts, url).not.toContain("'unsafe-eval'");
    expect(policy, url).toContain("object-src 'none'");
    expect(policy, url).toContain("base-uri 'none'");
    expect(policy, url).toContain("frame-ancestors 'none'");
    expect(directive(policy, "form-action"), url).toContain("https://checkout.stripe.com");
    expect(response.headers()["x-content-type-options"], url).toBe("nosniff");
    expect(response.headers()["referrer-policy"], url).toBeDefined();
    // The e2e server runs on http: HSTS would be wrong here (it is unit-tested for https).
    expect(response.headers()["strict-transport-security"], url).toBeUndefined();
  }

  for (const [path, host] of [
    ["/api/health", rootHost],
    ["/api/projects", tenantHost],
    ["/api/account/export", rootHost],
  ] as const) {
    const response = await request.get(`${direct}${path}`, { headers: { host }, maxRedirects: 0 });
    expect(response.headers()["cache-control"], `${host}${path}`).toBe("no-store");
  }
});

test("TRACE and other unknown methods get 405, not 500", async ({ request }) => {
  for (const [path, host] of [
    ["/", rootHost],
    ["/api/health", rootHost],
    ["/projects", tenantHost],
  ] as const) {
    const url = `${host}${path}`;
    for (const method of ["TRACE", "PROPFIND"]) {
      const response = await request.fetch(`${direct}${path}`, { method, headers: { host } });
      expect(response.status(), `${method} ${url}`).toBe(405);
      expect(response.headers()["allow"], `${method} ${url}`).toContain("GET");
    }
  }
});

test("a server-action body over the limit gets 413 with a message, not a 500", async ({
  request,
}) => {
  const page = await request.get(`${direct}/sign-in`, { headers: { host: rootHost } });
  // The sign-in form's actions: their ids are in the page for progressive enhancement.
  const ids = [...new Set((await page.text()).match(/\b[0-9a-f]{42}\b/g) ?? [])];
  expect(ids.length).toBeGreaterThan(0);
  const response = await request.post(`${direct}/sign-in`, {
    headers: {
      host: rootHost,
      "next-action": ids[0] ?? "",
      origin: app,
      "content-type": "text/plain;charset=UTF-8",
    },
    data: "a".repeat(2 * 1024 * 1024),
  });
  expect(response.status()).toBe(413);
  expect(((await response.json()) as { error: string }).error).toMatch(/too large.*1 MB/);
});

test("Auth.js refuses a forwarded host outside the allow-list", async ({ request }) => {
  for (const path of ["/api/auth/signin", "/api/auth/providers"]) {
    const response = await request.get(`${direct}${path}`, {
      headers: { host: rootHost, "x-forwarded-host": "evil.example" },
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).not.toContain("evil.example");
  }
  const allowed = await request.get(`${direct}/api/auth/providers`, {
    headers: { host: rootHost },
  });
  expect(allowed.status()).toBe(200);
});
