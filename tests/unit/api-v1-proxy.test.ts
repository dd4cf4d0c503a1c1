import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

// /api/v1 is called by scripts and other sites' pages: the proxy must pass those calls on,
// on the root host and on an organization's, with the request id the handlers echo.
function run(method: string, host: string, headers: Record<string, string> = {}) {
  return proxy(
    new NextRequest(`http://${host}/api/v1/projects`, { method, headers: { host, ...headers } }),
  );
}

describe("proxy: /api/v1", () => {
  it("passes cross-origin calls and preflights through unchanged on every host", () => {
    for (const host of ["localhost:3000", "acme.localhost:3000"]) {
      for (const method of ["OPTIONS", "GET", "POST", "PATCH", "DELETE"]) {
        const response = run(method, host, {
          origin: "https://ci.example",
          authorization: "Bearer keel_test_x",
          "access-control-request-method": "POST",
        });
        expect(response.status, `${method} on ${host}`).toBe(200);
        expect(response.headers.get("x-middleware-next"), `${method} on ${host}`).toBe("1");
        expect(response.headers.get("x-middleware-rewrite")).toBeNull();
      }
    }
  });

  it("gives the handler the request id it answers with, and keeps answers out of caches", () => {
    const response = run("GET", "localhost:3000");
    const id = response.headers.get("x-request-id");
    expect(id).toBeTruthy();
    expect(response.headers.get("x-middleware-request-x-request-id")).toBe(id);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
