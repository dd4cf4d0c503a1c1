import { describe, expect, it } from "vitest";
import { isAllowedHost, requestWithPublicUrl } from "@/lib/http/allowed-host";

// With no APP_URL or ROOT_DOMAIN set, the app is http://localhost:3000 and organizations
// live on <slug>.localhost:3000.

describe("isAllowedHost", () => {
  it("allows the app's host and organization subdomains", () => {
    expect(isAllowedHost("localhost:3000")).toBe(true);
    expect(isAllowedHost("acme.localhost:3000")).toBe(true);
    expect(isAllowedHost("ACME.localhost:3000")).toBe(true);
  });

  it.each([
    "evil.com",
    "localhost:3000.evil.com",
    "evillocalhost:3000",
    "acme.localhost:3001",
    "",
    "a b",
    "acme.localhost:3000/x",
  ])("refuses %j", (host) => {
    expect(isAllowedHost(host)).toBe(false);
  });
});

describe("requestWithPublicUrl", () => {
  it("rebuilds the URL from an allowed Host header", () => {
    const request = new Request("http://localhost:3000/api/auth/signin/github?x=1", {
      headers: { host: "acme.localhost:3000" },
    });
    expect(requestWithPublicUrl(request)?.url).toBe(
      "http://acme.localhost:3000/api/auth/signin/github?x=1",
    );
  });

  it("prefers the first X-Forwarded-Host when it is allowed", () => {
    const request = new Request("http://localhost:3000/api/auth/session", {
      headers: {
        host: "localhost:3000",
        "x-forwarded-host": "beta.localhost:3000, proxy.internal",
      },
    });
    expect(requestWithPublicUrl(request)?.url).toBe("http://beta.localhost:3000/api/auth/session");
  });

  it("refuses the request when the host is not ours", () => {
    const request = new Request("http://localhost:3000/api/auth/session", {
      headers: { host: "evil.com", "x-forwarded-host": "evil.com" },
    });
    expect(requestWithPublicUrl(request)).toBeNull();
  });

  // Auth.js reads X-Forwarded-Host itself (trustHost): a forged one must not survive.
  it("refuses a forwarded host that is not ours, even behind an allowed Host", () => {
    const request = new Request("http://localhost:3000/api/auth/signin", {
      headers: { host: "localhost:3000", "x-forwarded-host": "evil.example" },
    });
    expect(requestWithPublicUrl(request)).toBeNull();
  });

  it("hands on only the allowed host and the app's scheme in the forwarding headers", () => {
    const request = new Request("http://localhost:3000/api/auth/signin", {
      headers: {
        host: "acme.localhost:3000",
        "x-forwarded-proto": "https",
      },
    });
    const rebuilt = requestWithPublicUrl(request);
    expect(rebuilt?.headers.get("x-forwarded-host")).toBe("acme.localhost:3000");
    expect(rebuilt?.headers.get("host")).toBe("acme.localhost:3000");
    expect(rebuilt?.headers.get("x-forwarded-proto")).toBe("http");
  });
});
