import { afterEach, describe, expect, it, vi } from "vitest";

// lib/env reads process.env on import: each case sets the environment, then imports afresh.
async function cookieConfigWith(variables: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
  return (await import("@/lib/auth/session-cookie")).sessionCookieConfig();
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

  it("is host-only and not Secure on http://localhost (development)", async () => {
    const cookie = await cookieConfigWith({ APP_URL: undefined, ROOT_DOMAIN: undefined });
    expect(cookie.name).toBe("keel.session");
    expect(cookie.options).toMatchObject({ httpOnly: true, secure: false, sameSite: "lax" });
    expect(cookie.options.domain).toBeUndefined();
  });
});
