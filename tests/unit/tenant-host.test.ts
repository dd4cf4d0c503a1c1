import { describe, expect, it } from "vitest";
import { parseTenantHost, tenantUrl } from "@/lib/tenancy/host";
import { slugProblem, suggestSlug } from "@/lib/tenancy/slug";

describe("parseTenantHost", () => {
  it.each([
    ["keel.app", "keel.app", { kind: "root" }],
    ["www.keel.app", "keel.app", { kind: "root" }],
    ["acme.keel.app", "keel.app", { kind: "tenant", slug: "acme" }],
    ["ACME.Keel.App", "keel.app", { kind: "tenant", slug: "acme" }],
    ["acme.localhost:3000", "localhost:3000", { kind: "tenant", slug: "acme" }],
    ["acme.preview.keel-staging.app", "preview.keel-staging.app", { kind: "tenant", slug: "acme" }],
    ["preview.keel-staging.app", "preview.keel-staging.app", { kind: "root" }],
  ] as const)("%s on %s", (host, root, expected) => {
    expect(parseTenantHost(host, root)).toEqual(expected);
  });

  it.each([
    ["acme.localhost:3001", "localhost:3000"],
    ["a.b.keel.app", "keel.app"],
    ["evilkeel.app", "keel.app"],
    ["acme.keel.app.evil.com", "keel.app"],
    ["127.0.0.1:3000", "localhost:3000"],
    ["api.keel.app", "keel.app"],
    ["-acme.keel.app", "keel.app"],
    ["", "keel.app"],
    ["acme.keel.app/x", "keel.app"],
  ])("%s on %s is unknown", (host, root) => {
    expect(parseTenantHost(host, root)).toEqual({ kind: "unknown" });
  });

  // The host forms Vercel gives a deployment: `<project>-<hash>-<team>.vercel.app` (one per
  // deployment) and `<project>-git-<branch>-<team>.vercel.app` (per branch). vercel.app is a public
  // suffix and Vercel serves no subdomain of these, so no organization is ever reached on them.
  describe("on Vercel's own hosts", () => {
    const deployment = "keel-abc123-team.vercel.app";
    const branch = "keel-git-feature-x-team.vercel.app";

    it.each([
      [deployment, "keel.app"],
      [branch, "keel.app"],
      ["acme---keel-git-feature-x-team.vercel.app", "keel.app"],
      ["acme---fix-login.keel.vercel.app", "keel.app"],
      ["vercel.app", "keel.app"],
    ])(
      "%s is unknown to the production root %s (served as the root app, no organization)",
      (host, root) => {
        expect(parseTenantHost(host, root)).toEqual({ kind: "unknown" });
      },
    );

    it("is the root app when the preview's root is the branch host", () => {
      expect(parseTenantHost(branch, branch)).toEqual({ kind: "root" });
      expect(parseTenantHost(branch.toUpperCase(), branch)).toEqual({ kind: "root" });
    });

    it.each([
      `acme---${branch}`,
      `acme.${branch}`,
      `www.${branch}`,
      deployment,
      "keel-git-other-team.vercel.app",
    ])("names no organization on %s when the root is the branch host", (host) => {
      expect(parseTenantHost(host, branch)).toEqual({ kind: "unknown" });
    });

    it("reaches organizations on a custom preview domain", () => {
      const root = "preview.example.com";
      expect(parseTenantHost("acme.preview.example.com", root)).toEqual({
        kind: "tenant",
        slug: "acme",
      });
      expect(parseTenantHost("preview.example.com", root)).toEqual({ kind: "root" });
      expect(parseTenantHost(branch, root)).toEqual({ kind: "unknown" });
      expect(parseTenantHost("acme.example.com", root)).toEqual({ kind: "unknown" });
    });
  });

  it("builds organization URLs with the app's protocol", () => {
    expect(
      tenantUrl("acme", "/projects", { appUrl: "https://keel.app", rootDomain: "keel.app" }),
    ).toBe("https://acme.keel.app/projects");
    expect(() =>
      tenantUrl("a", "/", { appUrl: "https://keel.app", rootDomain: "keel.app" }),
    ).toThrow();
  });
});

describe("slugs", () => {
  it("accepts 3 to 48 lowercase letters, digits and single hyphens", () => {
    expect(slugProblem("acme")).toBeNull();
    expect(slugProblem("acme-2")).toBeNull();
    expect(slugProblem("ab")).toMatch(/at least 3/);
    expect(slugProblem("a".repeat(49))).toMatch(/at most 48/);
    expect(slugProblem("Acme")).not.toBeNull();
    expect(slugProblem("ac--me")).not.toBeNull();
    expect(slugProblem("-acme")).not.toBeNull();
  });

  it.each(["www", "app", "api", "admin", "auth", "mail", "docs", "blog", "status", "billing"])(
    "reserves %s",
    (slug) => {
      expect(slugProblem(slug)).toMatch(/reserved/);
    },
  );

  it("suggests a valid slug from a name", () => {
    expect(suggestSlug("Café Noël")).toBe("cafe-noel");
    expect(suggestSlug("  Acme, Inc.  ")).toBe("acme-inc");
    expect(suggestSlug("AB")).toBe("ab-org");
    expect(suggestSlug("Admin")).toBe("admin-org");
    expect(suggestSlug("🚀🚀")).toBe("");
    expect(suggestSlug("x".repeat(80))).toHaveLength(48);
  });
});
