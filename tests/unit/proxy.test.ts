import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

/**
 * proxy.ts as the platform runs it: the Host decides (root, an organization, unknown),
 * an organization's paths are rewritten into app/org/[slug], the internal segment is
 * unreachable from outside, and tenant-looking headers never reach the app. The unit
 * tests run with the default root domain, localhost:3000.
 */

function run(path: string, headers: Record<string, string> = {}) {
  const host = headers.host ?? "localhost:3000";
  return proxy(new NextRequest(`http://${host}${path}`, { headers: { host, ...headers } }));
}

const rewrittenTo = (response: Response) => {
  const target = response.headers.get("x-middleware-rewrite");
  return target ? new URL(target).pathname : null;
};

describe("proxy", () => {
  it("rewrites an organization's subdomain into its internal segment", () => {
    expect(rewrittenTo(run("/", { host: "acme.localhost:3000" }))).toBe("/org/acme");
    expect(rewrittenTo(run("/projects/p1", { host: "acme.localhost:3000" }))).toBe(
      "/org/acme/projects/p1",
    );
    expect(rewrittenTo(run("/projects", { host: "ACME.localhost:3000" }))).toBe(
      "/org/acme/projects",
    );
  });

  it("serves the root host and unknown hosts as they are", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3000", "evil.example", "acme.evil.example"]) {
      const response = run("/pricing", { host });
      expect(rewrittenTo(response), host).toBeNull();
      expect(response.headers.get("x-middleware-next"), host).toBe("1");
    }
  });

  it("keeps the API, auth and account pages, the mailbox and files global on every host", () => {
    for (const path of [
      "/api/projects",
      "/sign-in",
      "/account",
      "/dev/mailbox",
      "/favicon.svg",
      "/robots.txt",
    ]) {
      expect(rewrittenTo(run(path, { host: "acme.localhost:3000" })), path).toBeNull();
    }
  });

  it("keeps crawlers off an organization's subdomain: its robots.txt disallows everything", async () => {
    const response = run("/robots.txt", { host: "acme.localhost:3000" });
    expect(response.status).toBe(200);
    expect(rewrittenTo(response)).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBeNull();
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const lines = (await response.text()).trim().split("\n");
    expect(lines).toEqual(["User-Agent: *", "Disallow: /"]);
  });

  it("has no sitemap on an organization's subdomain", () => {
    const response = run("/sitemap.xml", { host: "acme.localhost:3000" });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-middleware-next")).toBeNull();
  });

  it("leaves robots.txt and the sitemap to the app on the root host and unknown hosts", () => {
    for (const host of ["localhost:3000", "evil.example"]) {
      for (const path of ["/robots.txt", "/sitemap.xml"]) {
        const response = run(path, { host });
        expect(response.headers.get("x-middleware-next"), `${host}${path}`).toBe("1");
        expect(rewrittenTo(response), `${host}${path}`).toBeNull();
      }
    }
  });

  it("serves /sign-in and /sign-up per request to a visitor with a session cookie or a query", () => {
    expect(rewrittenTo(run("/sign-in"))).toBeNull();
    expect(rewrittenTo(run("/sign-in?_rsc=abc"))).toBeNull();
    expect(rewrittenTo(run("/sign-in", { cookie: "keel.session=t" }))).toBe("/sign-in/session");
    expect(rewrittenTo(run("/sign-in?callbackUrl=%2Faccount"))).toBe("/sign-in/session");
    expect(rewrittenTo(run("/sign-up"))).toBeNull();
    expect(rewrittenTo(run("/sign-up?email=a%40b.test"))).toBe("/sign-up/session");
    const response = run("/sign-in", { cookie: "keel.session=t" });
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-/);
  });

  it("answers 404 for the internal segment, however it is spelled", async () => {
    for (const path of ["/org", "/org/acme", "/ORG/acme/projects", "/%6Frg/acme", "//org/acme"]) {
      for (const host of ["localhost:3000", "acme.localhost:3000"]) {
        const response = run(path, { host });
        expect(response.status, `${host}${path}`).toBe(404);
        expect(rewrittenTo(response)).toBeNull();
      }
    }
  });

  it("decides by Host only: X-Forwarded-Host names no organization", () => {
    const response = run("/projects", {
      host: "localhost:3000",
      "x-forwarded-host": "acme.localhost:3000",
    });
    expect(rewrittenTo(response)).toBeNull();
  });

  it("removes tenant headers a client sends, so nothing downstream can trust them", () => {
    const response = run("/projects", {
      host: "acme.localhost:3000",
      "x-tenant-id": "globex",
      "x-keel-org": "globex",
      "x-organization-id": "org_globex",
      "x-request-id": "kept",
    });
    const overridden = response.headers.get("x-middleware-override-headers")?.split(",") ?? [];
    expect(overridden).toContain("x-request-id");
    for (const forged of ["x-tenant-id", "x-keel-org", "x-organization-id"]) {
      expect(overridden).not.toContain(forged);
      expect(response.headers.get(`x-middleware-request-${forged}`)).toBeNull();
    }
  });
});

function runMethod(method: string, path: string, headers: Record<string, string> = {}) {
  const host = headers.host ?? "localhost:3000";
  return proxy(new NextRequest(`http://${host}${path}`, { method, headers: { host, ...headers } }));
}

const scriptSources = (policy: string | null) =>
  (policy ?? "")
    .split(";")
    .map((directive) => directive.trim())
    .find((directive) => directive.startsWith("script-src "))
    ?.split(" ")
    .slice(1) ?? [];

describe("proxy: refused requests", () => {
  // TRACE and TRACK never get this far (a fetch Request refuses them): see method-guard.
  it.each(["PROPFIND", "MKCOL", "LINK"])("answers %s with 405 and Allow", (method) => {
    for (const host of ["localhost:3000", "acme.localhost:3000"]) {
      const response = runMethod(method, "/api/health", { host });
      expect(response.status, `${method} on ${host}`).toBe(405);
      expect(response.headers.get("allow")).toContain("GET");
      expect(response.headers.get("allow")).not.toContain(method);
    }
  });

  it("lets the methods the app answers through", () => {
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      expect(runMethod(method, "/api/projects").headers.get("x-middleware-next"), method).toBe("1");
    }
  });

  it("answers a server-action body over 1 MB with 413 and says why", async () => {
    const response = runMethod("POST", "/sign-in", {
      "next-action": "7f".padEnd(42, "0"),
      "content-length": String(1024 * 1024 + 1),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toMatch(/1 MB/);

    const atLimit = runMethod("POST", "/sign-in", {
      "next-action": "7f".padEnd(42, "0"),
      "content-length": String(1024 * 1024),
    });
    expect(atLimit.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy: security headers", () => {
  it("gives every page a CSP without 'unsafe-inline' for scripts, and the nonce to Next", () => {
    for (const [path, host] of [
      ["/account", "localhost:3000"],
      ["/projects", "acme.localhost:3000"],
      ["/api/projects", "acme.localhost:3000"],
    ] as const) {
      const response = run(path, { host });
      const policy = response.headers.get("content-security-policy");
      expect(policy, path).toContain("object-src 'none'");
      expect(policy, path).toContain("base-uri 'none'");
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(policy, path).toMatch(/form-action 'self' [^;]*https:\/\/checkout\.stripe\.com/);
      const scripts = scriptSources(policy);
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(scripts, path).not.toContain("'unsafe-eval'");
      const nonce = scripts.find((source) => source.startsWith("'nonce-"));
      expect(nonce, path).toBeDefined();
      // Next.js reads the nonce from the request's policy: the same one.
      expect(response.headers.get("x-middleware-request-content-security-policy"), path).toBe(
        policy,
      );
    }
  });

  it("uses a fresh nonce for every request", () => {
    const first = scriptSources(run("/account").headers.get("content-security-policy"));
    const second = scriptSources(run("/account").headers.get("content-security-policy"));
    expect(first.find((s) => s.startsWith("'nonce-"))).not.toBe(
      second.find((s) => s.startsWith("'nonce-")),
    );
  });

  it("never passes on a policy the client sent", () => {
    const response = run("/account", { "content-security-policy": "script-src 'nonce-chosen'" });
    expect(response.headers.get("x-middleware-request-content-security-policy")).not.toContain(
      "chosen",
    );
  });

  it("marks every JSON API answer no-store, and leaves pages to Next", () => {
    expect(run("/api/projects", { host: "acme.localhost:3000" }).headers.get("cache-control")).toBe(
      "no-store",
    );
    expect(run("/api/health").headers.get("cache-control")).toBe("no-store");
    expect(run("/account").headers.get("cache-control")).toBeNull();
  });

  it("lets the public API description be cached, and nothing else under /api/v1", () => {
    expect(run("/api/v1/openapi.json").headers.get("cache-control")).toBeNull();
    expect(run("/api/v1/projects").headers.get("cache-control")).toBe("no-store");
    expect(run("/api/v1/openapi.json/x").headers.get("cache-control")).toBe("no-store");
  });

  it("sends no HSTS while the app is served over http", () => {
    expect(run("/").headers.get("strict-transport-security")).toBeNull();
  });
});
