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
    ["acme---fix-login.keel.vercel.app", "keel.app", { kind: "tenant", slug: "acme" }],
    ["keel-git-main.vercel.app", "keel.app", { kind: "root" }],
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
