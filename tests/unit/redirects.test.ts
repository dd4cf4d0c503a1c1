import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "@/lib/auth/redirects";
import { sharedCookieDomain } from "@/lib/auth/session-cookie";

const prod = { appUrl: "https://keel.app", rootDomain: "keel.app", fallback: "/account" };

describe("safeRedirectTarget", () => {
  it("keeps paths on our host", () => {
    expect(safeRedirectTarget("/account/security?tab=2", prod)).toBe("/account/security?tab=2");
  });

  it("keeps our root domain and organization subdomains", () => {
    expect(safeRedirectTarget("https://acme.keel.app/projects", prod)).toBe(
      "https://acme.keel.app/projects",
    );
    expect(safeRedirectTarget("https://keel.app/", prod)).toBe("https://keel.app/");
  });

  it.each([
    "https://evil.com/",
    "//evil.com/path",
    "/\\evil.com",
    "/\tevil",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/\r/evil.example/",
    "/\\evil",
    "//evil",
    "https://keel.app.evil.com/",
    "https://evilkeel.app/",
    "http://acme.keel.app/",
    "https://user:pass@acme.keel.app/",
    "javascript:alert(1)",
    "data:text/html,hi",
    "",
    "account",
  ])("falls back for %j", (target) => {
    expect(safeRedirectTarget(target, prod)).toBe("/account");
  });

  it("falls back when nothing is given", () => {
    expect(safeRedirectTarget(undefined, prod)).toBe("/account");
    expect(safeRedirectTarget(null, prod)).toBe("/account");
  });
});

describe("sharedCookieDomain", () => {
  it("shares the session with subdomains of a real domain", () => {
    expect(sharedCookieDomain("keel.app")).toBe("keel.app");
    expect(sharedCookieDomain("keel.test:3000")).toBe("keel.test");
  });

  it("keeps host-only cookies where browsers refuse a Domain", () => {
    expect(sharedCookieDomain("localhost:3000")).toBeUndefined();
    expect(sharedCookieDomain("127.0.0.1:3000")).toBeUndefined();
    expect(sharedCookieDomain("app.localhost")).toBeUndefined();
  });
});
