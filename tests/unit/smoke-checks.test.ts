import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  allChecks,
  formatResults,
  healthCheck,
  landingPageCheck,
  ORGANIZATION_NOT_FOUND_TEXT,
  organizationNotFoundCheck,
  runChecks,
  securityHeaderProblems,
  securityHeadersCheck,
  signInPageCheck,
  stripeWebhookCheck,
  type SmokeCheck,
  type SmokeTarget,
} from "@/scripts/smoke/checks";

// A stand-in deployment on loopback: by default it answers as Keel does; a test replaces one
// route's answer to show the check that covers it fails.
type Answer = { status: number; headers?: Record<string, string>; body?: string } | "hang";
type Route = (request: http.IncomingMessage) => Answer;

const html = (text: string) => `<!DOCTYPE html><html lang="en"><body>${text}</body></html>`;
const keelHeaders: Record<string, string> = {
  "content-security-policy":
    "default-src 'self'; script-src 'self' 'nonce-abc'; object-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};
const page = (text: string, status = 200): Answer => ({
  status,
  headers: { "content-type": "text/html; charset=utf-8", ...keelHeaders },
  body: html(text),
});
const json = (status: number, value: unknown): Answer => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(value),
});

const ROOT = "keel.test";
let port: number;
let server: http.Server;
let overrides: Map<string, Route>;
const seenHosts: string[] = [];

function keel(request: http.IncomingMessage): Answer {
  const host = request.headers.host ?? "";
  const path = request.url ?? "/";
  if (host !== `${ROOT}:${port}`) {
    return host.endsWith(`.${ROOT}:${port}`) ? page(ORGANIZATION_NOT_FOUND_TEXT, 404) : page("?");
  }
  if (path === "/api/health") return json(200, { status: "ok", checks: {} });
  if (path === "/api/webhooks/stripe" && request.method === "POST") {
    return request.headers["stripe-signature"]
      ? json(400, { error: "bad signature" })
      : json(500, {});
  }
  if (path === "/" || path === "/sign-in") return page("Keel");
  return page("Not found", 404);
}

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seenHosts.push(request.headers.host ?? "");
    const key = `${request.method} ${request.headers.host?.startsWith("smoke-") ? "tenant" : request.url}`;
    const answer = (overrides.get(key) ?? keel)(request);
    if (answer === "hang") return;
    request.resume();
    response.writeHead(answer.status, answer.headers).end(answer.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  overrides = new Map();
  seenHosts.length = 0;
});

// keel.test does not resolve: every request goes to the stand-in through `resolve`, as
// `--resolve 127.0.0.1` does before DNS is live.
function target(overrides: Partial<SmokeTarget> = {}): SmokeTarget {
  return {
    baseUrl: new URL(`http://${ROOT}:${port}`),
    rootDomain: `${ROOT}:${port}`,
    resolve: "127.0.0.1",
    timeoutMs: 2_000,
    ...overrides,
  };
}

async function outcome(check: SmokeCheck, on = target()) {
  const [result] = await runChecks([check], on);
  return result;
}

describe("against a deployment that answers as Keel does", () => {
  it("passes every check, sending each organization request to <slug>.<root domain>", async () => {
    const results = await runChecks(Object.values(allChecks()), target());

    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(results).toHaveLength(6);
    expect(
      seenHosts.filter((host) => /^smoke-[0-9a-f]{16}\.keel\.test:\d+$/.test(host)),
    ).toHaveLength(1);
    expect(formatResults(results)).toContain("all 6 checks passed");
  });
});

describe("behind a protection that wants a header", () => {
  it("sends the target's headers with every request", async () => {
    const bypass = "x-vercel-protection-bypass";
    const protectedKeel: Route = (request) =>
      request.headers[bypass] === "let-me-in"
        ? keel(request)
        : page("Authentication required", 401);
    for (const route of [
      "GET /api/health",
      "GET /",
      "GET /sign-in",
      "GET tenant",
      "POST /api/webhooks/stripe",
    ]) {
      overrides.set(route, protectedKeel);
    }

    const without = await runChecks(Object.values(allChecks()), target());
    expect(without.filter((result) => result.ok)).toEqual([]);
    const withHeader = await runChecks(
      Object.values(allChecks()),
      target({ headers: { [bypass]: "let-me-in" } }),
    );
    expect(withHeader.filter((result) => !result.ok)).toEqual([]);
  });
});

describe("each check fails when the deployment is wrong", () => {
  it.each<[string, Answer, RegExp]>([
    ["down", json(503, { status: "degraded" }), /answered 503, expected 200/],
    ["not JSON", page("ok"), /did not answer JSON/],
    ["degraded", json(200, { status: "degraded" }), /status "degraded"/],
  ])("health: %s", async (_case, answer, message) => {
    overrides.set("GET /api/health", () => answer);
    const result = await outcome(healthCheck);
    expect(result).toMatchObject({ ok: false, detail: expect.stringMatching(message) });
  });

  it.each<[string, string, Answer, RegExp]>([
    ["/ errors", "/", page("Internal error", 500), /answered 500/],
    [
      "/ redirects elsewhere",
      "/",
      { status: 308, headers: { location: "https://www.keel.test/" } },
      /answered 308 to https:\/\/www\.keel\.test\/, expected 200/,
    ],
    ["/ is not HTML", "/", json(200, {}), /application\/json, expected text\/html/],
    ["/sign-in errors", "/sign-in", page("Internal error", 500), /answered 500/],
    [
      "/sign-in is an empty 200",
      "/sign-in",
      { status: 200, headers: { "content-type": "text/html" }, body: "" },
      /no <html> document/,
    ],
  ])("pages: %s", async (_case, path, answer, message) => {
    overrides.set(`GET ${path}`, () => answer);
    const check = path === "/" ? landingPageCheck : signInPageCheck;
    expect(await outcome(check)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(message),
    });
  });

  it.each<[string, Answer, RegExp]>([
    // Organization hosts served as the root app: the wildcard domain or ROOT_DOMAIN is wrong.
    ["served as the root app", page("Keel"), /answered 200, the root app/],
    ["a generic 404", page("This page could not be found.", 404), /without "No organization/],
    ["an error", page("Internal error", 500), /answered 500, expected 404/],
  ])("unknown organization: %s", async (_case, answer, message) => {
    overrides.set("GET tenant", () => answer);
    expect(await outcome(organizationNotFoundCheck())).toMatchObject({
      ok: false,
      detail: expect.stringMatching(message),
    });
  });

  it("unknown organization: fails on the wrong root domain", async () => {
    const result = await outcome(
      organizationNotFoundCheck("smoke-check"),
      target({ rootDomain: `localhost:${port}` }),
    );
    expect(result).toMatchObject({ ok: false, detail: expect.stringMatching(/answered 200/) });
    expect(seenHosts).toEqual([`smoke-check.localhost:${port}`]);
  });

  it("unknown organization: says an IP address has no subdomains instead of requesting one", async () => {
    const result = await outcome(
      organizationNotFoundCheck(),
      target({ baseUrl: new URL(`http://127.0.0.1:${port}`), rootDomain: `127.0.0.1:${port}` }),
    );
    expect(result).toMatchObject({ ok: false, detail: expect.stringMatching(/IP address/) });
    expect(seenHosts).toEqual([]);
  });

  it.each<[string, Answer, RegExp]>([
    ["a 500", json(500, { error: "boom" }), /answered 500, expected 400/],
    ["accepted", json(200, { received: true }), /answered 200, expected 400/],
    [
      "not configured",
      json(503, { error: "Stripe webhooks are not configured." }),
      /STRIPE_WEBHOOK_SECRET is not set/,
    ],
  ])("Stripe webhook: %s", async (_case, answer, message) => {
    overrides.set("POST /api/webhooks/stripe", () => answer);
    expect(await outcome(stripeWebhookCheck)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(message),
    });
  });

  it.each([
    ["content-security-policy", /no Content-Security-Policy/],
    ["x-content-type-options", /X-Content-Type-Options is not nosniff/],
    ["referrer-policy", /Referrer-Policy is missing/],
    ["permissions-policy", /no Permissions-Policy/],
  ])("security headers: without %s", async (name, message) => {
    overrides.set("GET /", () => {
      const headers: Record<string, string> = { "content-type": "text/html", ...keelHeaders };
      delete headers[name];
      return { status: 200, headers, body: html("Keel") };
    });
    expect(await outcome(securityHeadersCheck)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(message),
    });
  });

  it("a request that gets no answer fails within its timeout instead of hanging the run", async () => {
    overrides.set("GET /api/health", () => "hang");
    const result = await outcome(healthCheck, target({ timeoutMs: 300 }));
    expect(result).toMatchObject({ ok: false, detail: "no answer within 300 ms" });
  });

  it("a deployment that refuses connections fails every check without crashing", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const results = await runChecks(
      Object.values(allChecks()),
      target({ baseUrl: new URL(`http://127.0.0.1:${closedPort}`), resolve: undefined }),
    );
    expect(results.map((result) => result.ok)).toEqual([false, false, false, false, false, false]);
    expect(formatResults(results)).toContain("6 of 6 checks failed");
  });
});

describe("securityHeaderProblems", () => {
  const secure = {
    ...keelHeaders,
    "strict-transport-security": "max-age=63072000; includeSubDomains",
  };

  it("accepts what Keel sends over https", () => {
    expect(securityHeaderProblems(secure, { https: true })).toEqual([]);
  });

  it.each<[string, Record<string, string | undefined>, RegExp]>([
    ["no HSTS", { "strict-transport-security": undefined }, /no Strict-Transport-Security/],
    ["a short HSTS", { "strict-transport-security": "max-age=300" }, /max-age 300 is under a year/],
    [
      "inline scripts allowed",
      {
        "content-security-policy":
          "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
      },
      /CSP allows inline scripts/,
    ],
    [
      "framing allowed",
      {
        "content-security-policy": "default-src 'self'; script-src 'self'",
        "x-frame-options": undefined,
      },
      /framing allowed/,
    ],
    [
      "a leaky referrer policy",
      { "referrer-policy": "unsafe-url" },
      /Referrer-Policy is unsafe-url/,
    ],
    ["sniffing allowed", { "x-content-type-options": "sniff" }, /not nosniff/],
  ])("refuses %s over https", (_case, changes, message) => {
    const problems = securityHeaderProblems({ ...secure, ...changes }, { https: true });
    expect(problems.join("; ")).toMatch(message);
  });

  it("accepts frame-ancestors 'none' without X-Frame-Options, and no HSTS over http", () => {
    const headers = { ...keelHeaders, "x-frame-options": undefined };
    expect(securityHeaderProblems(headers, { https: false })).toEqual([]);
  });
});
