import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * Starting a GitHub or Google sign-in from a server action: Auth.js builds the provider's
 * redirect_uri from that request's X-Forwarded-Host (or Host) itself. A forged forwarding
 * header must not get that far.
 */

const state = vi.hoisted(() => {
  // A configured provider, so the action gets as far as Auth.js.
  process.env.AUTH_GITHUB_ID = "github-client";
  process.env.AUTH_GITHUB_SECRET = "github-secret";
  return { headers: new Headers(), started: [] as string[] };
});

vi.mock("next/headers", () => ({
  headers: async () => state.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));
vi.mock("@/lib/auth/authjs", () => ({
  signInWithProvider: async (provider: string) => {
    state.started.push(provider);
  },
}));

const { oauthSignInAction } = await import("@/app/(auth)/actions");

function form() {
  const data = new FormData();
  data.set("provider", "github");
  return data;
}

beforeEach(() => {
  state.started.length = 0;
});
afterAll(() => {
  delete process.env.AUTH_GITHUB_ID;
  delete process.env.AUTH_GITHUB_SECRET;
});

describe("oauthSignInAction behind forwarding headers", () => {
  it("starts the sign-in for one of our hosts", async () => {
    state.headers = new Headers({ host: "acme.localhost:3000" });
    await oauthSignInAction(form());
    expect(state.started).toEqual(["github"]);
  });

  it("refuses a forged X-Forwarded-Host instead of handing it to Auth.js", async () => {
    state.headers = new Headers({ host: "localhost:3000", "x-forwarded-host": "evil.example" });
    await expect(oauthSignInAction(form())).rejects.toThrow("redirect:/sign-in");
    expect(state.started).toEqual([]);
  });

  it("refuses a Host that is not ours", async () => {
    state.headers = new Headers({ host: "evil.example" });
    await expect(oauthSignInAction(form())).rejects.toThrow("redirect:/sign-in");
    expect(state.started).toEqual([]);
  });
});
