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
