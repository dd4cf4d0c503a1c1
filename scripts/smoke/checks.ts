import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { request, type SmokeResponse } from "./http";

/** Where the checks go: the deployment's root URL and the domain its organizations live under. */
export type SmokeTarget = {
  baseUrl: URL;
  /** `<slug>.<rootDomain>` is an organization's host; a port belongs in it when not the default. */
  rootDomain: string;
  /** Connect every request to this address (before DNS is live, or a made-up test domain). */
  resolve?: string;
  timeoutMs: number;
  /** Sent with every request, e.g. Vercel's `x-vercel-protection-bypass` on a protected preview. */
  headers?: Record<string, string>;
};

export type SmokeCheck = {
  name: string;
  /** Resolves with what was seen when the check holds; throws a SmokeFailure when it does not. */
  run: (target: SmokeTarget) => Promise<string>;
};

export type CheckResult = { name: string; ok: boolean; detail: string };

export class SmokeFailure extends Error {
  override name = "SmokeFailure";
}

/** The heading of app/org/not-found.tsx, shown on a subdomain that no organization has taken. */
export const ORGANIZATION_NOT_FOUND_TEXT = "No organization at this address";

function fail(problem: string): never {
  throw new SmokeFailure(problem);
}

function get(target: SmokeTarget, url: URL, init: Partial<Parameters<typeof request>[1]> = {}) {
  return request(url, {
    timeoutMs: target.timeoutMs,
    resolve: target.resolve,
    ...init,
    headers: { ...target.headers, ...init.headers },
  });
}

function on(target: SmokeTarget, path: string): URL {
  return new URL(path, target.baseUrl);
}

function expectStatus(response: SmokeResponse, expected: number, what: string) {
  if (response.status === expected) return;
  const location = response.headers.location ? ` to ${response.headers.location}` : "";
  fail(`${what} answered ${response.status}${location}, expected ${expected}`);
}

function expectHtml(response: SmokeResponse, what: string) {
  const type = response.headers["content-type"] ?? "";
  if (!type.startsWith("text/html")) fail(`${what} is ${type || "untyped"}, expected text/html`);
  if (!/<html[\s>]/i.test(response.body)) fail(`${what} holds no <html> document`);
}

/** A name no organization can have taken: a valid, unreserved slug with 64 random bits. */
export function randomOrganizationSlug(): string {
  return `smoke-${randomBytes(8).toString("hex")}`;
}

export const healthCheck: SmokeCheck = {
  name: "GET /api/health",
  async run(target) {
    const response = await get(target, on(target, "/api/health"));
    expectStatus(response, 200, "/api/health");
    let status: unknown;
    try {
      status = (JSON.parse(response.body) as { status?: unknown }).status;
    } catch {
      fail("/api/health did not answer JSON");
    }
    if (status !== "ok") fail(`/api/health reports status ${JSON.stringify(status)}, not "ok"`);
    return 'status "ok"';
  },
};

function pageCheck(path: string): SmokeCheck {
  return {
    name: `GET ${path}`,
    async run(target) {
      const response = await get(target, on(target, path));
      expectStatus(response, 200, path);
      expectHtml(response, path);
      return "200 text/html";
    },
  };
}

export const landingPageCheck = pageCheck("/");
export const signInPageCheck = pageCheck("/sign-in");

export function organizationNotFoundCheck(slug = randomOrganizationSlug()): SmokeCheck {
  return {
    name: "unknown organization → 404",
    async run(target) {
      const rootHost = target.rootDomain.replace(/:\d+$/, "");
      if (isIP(rootHost) !== 0) {
        fail(`${rootHost} is an IP address, which has no subdomains: give --root-domain`);
      }
      const address = `${target.baseUrl.protocol}//${slug}.${target.rootDomain}/`;
      if (!URL.canParse(address)) fail(`${slug}.${target.rootDomain} is not a host name`);
      const url = new URL(address);
      const response = await get(target, url);
      if (response.status === 200) {
        fail(`${url.host} answered 200, the root app: is the root domain right (--root-domain)?`);
      }
      expectStatus(response, 404, url.host);
      if (!response.body.includes(ORGANIZATION_NOT_FOUND_TEXT)) {
        fail(`${url.host} answered 404 without "${ORGANIZATION_NOT_FOUND_TEXT}"`);
      }
      return `404 on ${url.host}`;
    },
  };
}

export const stripeWebhookCheck: SmokeCheck = {
  name: "Stripe webhook, bad signature → 400",
  async run(target) {
    const response = await get(target, on(target, "/api/webhooks/stripe"), {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
      body: JSON.stringify({ id: "evt_smoke", type: "smoke.check" }),
    });
    if (response.status === 503 && response.body.includes("not configured")) {
      fail("503: STRIPE_WEBHOOK_SECRET is not set on the deployment (skip with --skip stripe)");
    }
    expectStatus(response, 400, "/api/webhooks/stripe");
    return "400";
  },
};

const SAFE_REFERRER_POLICIES = new Set([
  "no-referrer",
  "same-origin",
  "strict-origin",
  "strict-origin-when-cross-origin",
]);
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The problems with a response's security headers; empty when they are what the app sends. */
export function securityHeaderProblems(
  headers: SmokeResponse["headers"],
  options: { https: boolean },
): string[] {
  const problems: string[] = [];
  const csp = headers["content-security-policy"];
  if (!csp) problems.push("no Content-Security-Policy");
  else {
    const directives = new Map(
      csp.split(";").map((part) => {
        const [name = "", ...values] = part.trim().split(/\s+/);
        return [name.toLowerCase(), values.join(" ")] as const;
      }),
    );
    const scripts = directives.get("script-src") ?? directives.get("default-src");
    if (scripts === undefined) problems.push("CSP sets neither script-src nor default-src");
    else if (scripts.includes("'unsafe-inline'")) problems.push("CSP allows inline scripts");
    const frameAncestors = directives.get("frame-ancestors");
    const frameOptions = headers["x-frame-options"]?.toUpperCase();
    if (frameAncestors !== "'none'" && frameOptions !== "DENY" && frameOptions !== "SAMEORIGIN") {
      problems.push("framing allowed (no frame-ancestors 'none', no X-Frame-Options)");
    }
  }
  if (headers["x-content-type-options"]?.toLowerCase() !== "nosniff") {
    problems.push("X-Content-Type-Options is not nosniff");
  }
  const referrer = headers["referrer-policy"]?.toLowerCase();
  if (!referrer || !SAFE_REFERRER_POLICIES.has(referrer)) {
    problems.push(`Referrer-Policy is ${referrer ?? "missing"}`);
  }
  if (!headers["permissions-policy"]) problems.push("no Permissions-Policy");
  if (options.https) {
    const maxAge = /max-age=(\d+)/i.exec(headers["strict-transport-security"] ?? "")?.[1];
    if (maxAge === undefined) problems.push("no Strict-Transport-Security over https");
    else if (Number(maxAge) < ONE_YEAR_SECONDS) {
      problems.push(`Strict-Transport-Security max-age ${maxAge} is under a year`);
    }
  }
  return problems;
}

export const securityHeadersCheck: SmokeCheck = {
  name: "security headers on /",
  async run(target) {
    const response = await get(target, on(target, "/"));
    // Another answer (a platform's login wall, an error page) says nothing about the app's headers.
    expectStatus(response, 200, "/");
    const https = target.baseUrl.protocol === "https:";
    const problems = securityHeaderProblems(response.headers, { https });
    if (problems.length > 0) fail(problems.join("; "));
    return https
      ? "CSP, HSTS, nosniff, referrer, framing, permissions"
      : "CSP, nosniff, referrer, framing, permissions (no HSTS over http)";
  },
};

/** Every check, keyed by the name `--skip` takes. */
export function allChecks(): Record<string, SmokeCheck> {
  return {
    health: healthCheck,
    landing: landingPageCheck,
    "sign-in": signInPageCheck,
    "organization-not-found": organizationNotFoundCheck(),
    stripe: stripeWebhookCheck,
    headers: securityHeadersCheck,
  };
}

/** Runs the checks one after another; a check that throws anything is a failure, never a crash. */
export async function runChecks(
  checks: readonly SmokeCheck[],
  target: SmokeTarget,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    try {
      results.push({ name: check.name, ok: true, detail: await check.run(target) });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      results.push({ name: check.name, ok: false, detail });
    }
  }
  return results;
}

export function formatResults(results: readonly CheckResult[]): string {
  const width = Math.max(5, ...results.map((result) => result.name.length));
  const lines = [`${"check".padEnd(width)}  result  detail`];
  for (const result of results) {
    lines.push(
      `${result.name.padEnd(width)}  ${result.ok ? "pass  " : "FAIL  "}  ${result.detail}`,
    );
  }
  const failed = results.filter((result) => !result.ok).length;
  lines.push(
    "",
    failed === 0
      ? `all ${results.length} checks passed`
      : `${failed} of ${results.length} checks failed`,
  );
  return lines.join("\n");
}
