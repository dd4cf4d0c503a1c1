import { afterEach, describe, expect, it, vi } from "vitest";
import { sharedCookieDomain } from "@/lib/auth/session-cookie";

// lib/env reads process.env on import: each case sets the environment, then imports afresh.
async function cookieConfigWith(variables: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
  return (await import("@/lib/auth/session-cookie")).sessionCookieConfig();
}

// A browser's rule (RFC 6265 5.1.3): a host-only cookie goes back to its own host, a Domain
// cookie to that domain and every host under it.
function reaches(domain: string | undefined, setBy: string, host: string): boolean {
  if (domain === undefined) return host === setBy;
  return host === domain || host.endsWith(`.${domain}`);
}

afterEach(() => {
  delete process.env.APP_URL;
  delete process.env.ROOT_DOMAIN;
  vi.resetModules();
});

describe("the session cookie", () => {
  it("is HttpOnly, Lax, Secure with the __Secure- prefix and shared with subdomains over HTTPS", async () => {
    const cookie = await cookieConfigWith({ APP_URL: "https://keel.app", ROOT_DOMAIN: "keel.app" });
    expect(cookie.name).toBe("__Secure-keel.session");
    expect(cookie.options).toEqual({
      httpOnly: true,
      secure: true,
      sameSite: "lax",
      path: "/",
      domain: "keel.app",
    });
  });

  it("is host-only on a Vercel deployment host, so it never reaches another deployment", async () => {
    const branch = "keel-git-feature-x-team.vercel.app";
    const cookie = await cookieConfigWith({ APP_URL: `https://${branch}`, ROOT_DOMAIN: undefined });
    expect(cookie.name).toBe("__Secure-keel.session");
    expect(cookie.options.domain).toBeUndefined();
    for (const other of ["keel-abc123-team.vercel.app", "keel-git-main-team.vercel.app"]) {
      expect(reaches(cookie.options.domain, branch, other)).toBe(false);
    }
    expect(reaches(cookie.options.domain, branch, branch)).toBe(true);
  });

  it("is host-only and not Secure on http://localhost (development)", async () => {
    const cookie = await cookieConfigWith({ APP_URL: undefined, ROOT_DOMAIN: undefined });
    expect(cookie.name).toBe("keel.session");
    expect(cookie.options).toMatchObject({ httpOnly: true, secure: false, sameSite: "lax" });
    expect(cookie.options.domain).toBeUndefined();
  });
});

describe("sharedCookieDomain", () => {
  it.each([
    "vercel.app",
    "keel-abc123-team.vercel.app",
    "keel-git-feature-x-team.vercel.app",
    "KEEL-GIT-MAIN-TEAM.VERCEL.APP",
    "keel.netlify.app",
    "keel.fly.dev",
    "keel.onrender.com",
    "keel.up.railway.app",
    "keel.pages.dev",
    "keel.herokuapp.com",
    "localhost:3000",
    "acme.localhost",
    "127.0.0.1:3000",
  ])("never names a public suffix or a shared platform host: %s is host-only", (root) => {
    expect(sharedCookieDomain(root)).toBeUndefined();
  });

  it.each([
    ["keel.app", "keel.app"],
    ["preview.example.com", "preview.example.com"],
    ["app.example.com:8443", "app.example.com"],
    ["myvercel.app", "myvercel.app"],
  ])("shares %s with its subdomains", (root, domain) => {
    expect(sharedCookieDomain(root)).toBe(domain);
  });

  it("keeps a preview's cookie away from production and production's away from a separate preview domain", () => {
    const preview = sharedCookieDomain("preview.keel-staging.app");
    expect(reaches(preview, "preview.keel-staging.app", "acme.keel.app")).toBe(false);
    expect(reaches(preview, "preview.keel-staging.app", "keel.app")).toBe(false);
    const production = sharedCookieDomain("keel.app");
    expect(reaches(production, "keel.app", "acme.preview.keel-staging.app")).toBe(false);
    // Why the guide asks for a domain of its own: under production's, previews would receive it.
    expect(reaches(production, "keel.app", "acme.preview.keel.app")).toBe(true);
  });
});
