import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { requestIdFor } from "@/lib/observability/request-id";
import { proxy } from "@/proxy";

/** Every response names its request, and only a trusted proxy may choose the name. */

function run(path: string, headers: Record<string, string> = {}, method = "GET") {
  const host = headers.host ?? "localhost:3000";
  return proxy(new NextRequest(`http://${host}${path}`, { method, headers: { host, ...headers } }));
}

describe("X-Request-Id", () => {
  it("is on every response and forwarded to the app with the same value", () => {
    for (const [path, host] of [
      ["/", "localhost:3000"],
      ["/projects", "acme.localhost:3000"],
      ["/api/projects", "acme.localhost:3000"],
      ["/org/acme", "localhost:3000"],
    ] as const) {
      const response = run(path, { host });
      const id = response.headers.get("x-request-id");
      expect(id, path).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get("server-timing"), path).toBe(`request;desc="${id}"`);
      if (response.status !== 404) {
        expect(response.headers.get("x-middleware-request-x-request-id"), path).toBe(id);
      }
    }
    expect(run("/", {}, "PROPFIND").headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("differs between requests and ignores one a client sends without a trusted proxy", () => {
    const first = run("/", { "x-request-id": "client-chosen-id-123" });
    const second = run("/");
    expect(first.headers.get("x-request-id")).not.toBe("client-chosen-id-123");
    expect(first.headers.get("x-middleware-request-x-request-id")).not.toBe("client-chosen-id-123");
    expect(first.headers.get("x-request-id")).not.toBe(second.headers.get("x-request-id"));
  });

  it("takes the trusted proxy's own id, when it is a sane one", () => {
    const vercel = new Headers({ "x-vercel-id": "fra1::iad1::abcd1-1700000000000-0123456789ab" });
    expect(requestIdFor(vercel, { kind: "vercel" })).toBe(
      "fra1::iad1::abcd1-1700000000000-0123456789ab",
    );
    expect(
      requestIdFor(new Headers({ "cf-ray": "8f1c2d3e4a5b6c7d-FRA" }), { kind: "cloudflare" }),
    ).toBe("8f1c2d3e4a5b6c7d-FRA");
    expect(
      requestIdFor(new Headers({ "x-request-id": "nginx-0123456789abcdef" }), {
        kind: "hops",
        hops: 1,
      }),
    ).toBe("nginx-0123456789abcdef");
    // Not trusted, or not sane (a header injection, a log-line forgery): a fresh id.
    expect(
      requestIdFor(new Headers({ "x-request-id": "nginx-0123456789abcdef" }), { kind: "none" }),
    ).not.toBe("nginx-0123456789abcdef");
    expect(
      requestIdFor(new Headers({ "x-request-id": 'a" x="b forged' }), { kind: "hops", hops: 1 }),
    ).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      requestIdFor(new Headers({ "x-vercel-id": "x".repeat(500) }), { kind: "vercel" }),
    ).toMatch(/^[0-9a-f-]{36}$/);
  });
});
