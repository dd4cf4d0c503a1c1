import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A Vercel preview without APP_URL, as Vercel starts it: lib/env reads process.env on import,
// so the modules are imported afresh under these variables.
const branch = "keel-git-feature-x-team.vercel.app";
const deployment = "keel-abc123-team.vercel.app";
const preview = {
  VERCEL: "1",
  VERCEL_ENV: "preview",
  VERCEL_URL: deployment,
  VERCEL_BRANCH_URL: branch,
};
const saved: Record<string, string | undefined> = {};

beforeAll(() => {
  for (const name of [...Object.keys(preview), "APP_URL", "ROOT_DOMAIN"]) {
    saved[name] = process.env[name];
  }
  Object.assign(process.env, preview);
  delete process.env.APP_URL;
  delete process.env.ROOT_DOMAIN;
  vi.resetModules();
});

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
});

describe("a Vercel preview served from its branch URL", () => {
  it("serves the root app on the branch URL and no organization anywhere", async () => {
    const { env } = await import("@/lib/env");
    const { parseTenantHost } = await import("@/lib/tenancy/host");
    expect(env.appUrl).toBe(`https://${branch}`);
    expect(parseTenantHost(branch, env.rootDomain)).toEqual({ kind: "root" });
    for (const host of [`acme.${branch}`, `acme---${branch}`, deployment]) {
      expect(parseTenantHost(host, env.rootDomain)).toEqual({ kind: "unknown" });
    }
  });

  it("keeps the session cookie on the branch host alone", async () => {
    const { sessionCookieConfig } = await import("@/lib/auth/session-cookie");
    const cookie = sessionCookieConfig();
    expect(cookie.name).toBe("__Secure-keel.session");
    expect(cookie.options.secure).toBe(true);
    expect(cookie.options.domain).toBeUndefined();
  });

  it("builds links and Auth.js URLs only for the branch host", async () => {
    const { isAllowedHost } = await import("@/lib/http/allowed-host");
    expect(isAllowedHost(branch)).toBe(true);
    for (const host of [
      deployment,
      `acme.${branch}`,
      "vercel.app",
      "keel-git-main-team.vercel.app",
    ]) {
      expect(isAllowedHost(host), host).toBe(false);
    }
  });
});
