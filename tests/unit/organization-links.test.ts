import { afterEach, describe, expect, it, vi } from "vitest";

/** Links to an organization always go to its subdomain, through the hand-off where cookies cannot. */

async function linksWith(appUrl: string) {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl);
  return import("@/lib/tenancy/links");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("organizationUrl", () => {
  it("points straight at the subdomain where the session cookie is shared", async () => {
    const { organizationUrl } = await linksWith("https://keel.example.com");
    expect(organizationUrl("acme", "/projects")).toBe("https://acme.keel.example.com/projects");
  });

  it("goes through the root host's hand-off on localhost, where each host has its own cookies", async () => {
    const { organizationUrl } = await linksWith("http://localhost:3000");
    const url = new URL(organizationUrl("acme", "/projects"));
    expect(url.origin + url.pathname).toBe("http://localhost:3000/api/account/handoff");
    expect(url.searchParams.get("to")).toBe("http://acme.localhost:3000/projects");
  });

  it("refuses to build a link for something that is not a slug", async () => {
    const { organizationUrl } = await linksWith("https://keel.example.com");
    expect(() => organizationUrl("evil.example/x", "/")).toThrow();
  });
});
