import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "@/lib/auth/redirects";
import { sharedCookieDomain } from "@/lib/auth/session-cookie";
import { returnPathFrom } from "@/lib/http/request-path";

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

  // Only organizations' own hosts: the root domain may be shared with other sites of the
  // company (a blog, a help desk hosted elsewhere), which are not ours to send people to.
  it.each([
    "https://a.b.keel.app/",
    "https://blog.help.keel.app/post",
    "https://-acme.keel.app/",
    "https://acme-.keel.app/",
    "https://acme.keel.app:8443/",
    "https://keel.app:444/",
    "https://keel.app@evil.com/",
    "https:evil.com",
    "HTTPS://EVIL.COM/",
    " //evil.com",
    "\t//evil.com",
    "/\\/evil.com",
  ])("falls back for a host that is no organization of ours: %j", (target) => {
    expect(safeRedirectTarget(target, prod)).toBe("/account");
  });

  it("keeps an organization's host in a local setup with a port", () => {
    const local = { appUrl: "http://localhost:3000", rootDomain: "localhost:3000" };
    expect(safeRedirectTarget("http://acme.localhost:3000/members", local)).toBe(
      "http://acme.localhost:3000/members",
    );
    expect(safeRedirectTarget("http://acme.localhost:3001/members", local)).toBe("/");
    expect(safeRedirectTarget("http://a.b.localhost:3000/", local)).toBe("/");
  });

  it("has no organization hosts under a platform's shared domain", () => {
    const preview = { appUrl: "https://app-git-x.vercel.app", rootDomain: "app-git-x.vercel.app" };
    expect(safeRedirectTarget("https://app-git-x.vercel.app/account", preview)).toBe(
      "https://app-git-x.vercel.app/account",
    );
    expect(safeRedirectTarget("https://evil.app-git-x.vercel.app/", preview)).toBe("/");
  });

  it("falls back when nothing is given", () => {
    expect(safeRedirectTarget(undefined, prod)).toBe("/account");
    expect(safeRedirectTarget(null, prod)).toBe("/account");
  });
});

describe("returnPathFrom", () => {
  it("keeps a path on this host, with its query", () => {
    expect(returnPathFrom("/organizations", "/account")).toBe("/organizations");
    expect(returnPathFrom("/members?tab=invited", "/")).toBe("/members?tab=invited");
  });

  it.each([
    null,
    "",
    "organizations",
    "//evil.com",
    "/\\evil.com",
    "/\t/evil.com",
    "https://evil.com/",
  ])("falls back for %j", (value) => {
    expect(returnPathFrom(value, "/account")).toBe("/account");
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
