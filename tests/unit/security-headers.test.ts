import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "@/lib/http/prerendered-pages";
import {
  contentSecurityPolicy,
  formActionSources,
  strictTransportSecurity,
} from "@/lib/http/security-headers";

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `)) ?? "";

const base = { scriptHashes: [], development: false, formActions: [], https: false };

describe("strictTransportSecurity", () => {
  it("asks browsers for https for two years, subdomains included, on an https app", () => {
    expect(strictTransportSecurity("https://keel.example")).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });

  it("sends nothing for an http app (local development, the e2e suite)", () => {
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
  });
});

describe("contentSecurityPolicy", () => {
  it("allows the nonce and the hashes it is given, never inline script or eval in production", () => {
    const policy = contentSecurityPolicy({
      ...base,
      nonce: "abc123==",
      scriptHashes: ["'sha256-xyz='"],
    });
    expect(directive(policy, "script-src")).toBe(
      "script-src 'self' 'nonce-abc123==' 'sha256-xyz='",
    );
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("adds eval for React's dev tooling in development only", () => {
    expect(
      directive(contentSecurityPolicy({ ...base, development: true }), "script-src"),
    ).toContain("'unsafe-eval'");
  });

  it("upgrades subresources on an https app", () => {
    expect(contentSecurityPolicy({ ...base, https: true })).toContain("upgrade-insecure-requests");
  });
});

describe("formActionSources", () => {
  it("allows the app's hosts, Stripe's pages, the emulator and configured providers", () => {
    const sources = formActionSources({
      appUrl: "http://keel.test:3100",
      rootDomain: "keel.test:3100",
      stripeApiBase: "http://127.0.0.1:3111",
      oauthProviders: ["github"],
    });
    expect(sources).toEqual([
      "http://keel.test:3100",
      "http://*.keel.test:3100",
      "https://checkout.stripe.com",
      "https://billing.stripe.com",
      "http://127.0.0.1:3111",
      // Where the emulator sends browsers for Checkout and the portal.
      "http://localhost:3111",
      "https://github.com",
    ]);
  });
});

describe("inlineScriptHashes", () => {
  it("hashes inline scripts exactly as written, and skips scripts with a src", () => {
    const html =
      '<script src="/_next/a.js" async=""></script><script id="_R_">self.a=1</script>' +
      "<script>self.__next_f.push([0])</script><script></script>";
    expect(inlineScriptHashes(html)).toEqual([
      // printf '<script body>' | openssl dgst -sha256 -binary | base64
      "'sha256-U+8MK+0uDzz63CVi5Lllj/7310ahz5UzrVluFdPYEWw='",
      "'sha256-VXfQxoId3eHgS78yBQY2mYYWuOAzZGdxULBMV816UdU='",
    ]);
  });
});
