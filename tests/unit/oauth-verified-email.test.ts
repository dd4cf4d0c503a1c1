import { describe, expect, it } from "vitest";
import { providerVerifiedEmail } from "@/lib/auth/oauth/verified-email";

function githubEmails(body: unknown, status = 200): typeof fetch {
  return (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;
}

describe("providerVerifiedEmail", () => {
  it("trusts Google only when it says the address is verified", async () => {
    const base = { provider: "google", email: "Ada@Acme.test", accessToken: "t" };
    expect(await providerVerifiedEmail({ ...base, profile: { email_verified: true } })).toBe(true);
    expect(await providerVerifiedEmail({ ...base, profile: { email_verified: false } })).toBe(
      false,
    );
    expect(await providerVerifiedEmail({ ...base, profile: { email_verified: "true" } })).toBe(
      false,
    );
    expect(await providerVerifiedEmail({ ...base, profile: {} })).toBe(false);
  });

  it("asks GitHub whether that very address is verified", async () => {
    const base = { provider: "github", email: "ada@acme.test", profile: {}, accessToken: "t" };
    const verified = githubEmails([
      { email: "other@acme.test", verified: true, primary: true },
      { email: "ADA@acme.test", verified: true, primary: false },
    ]);
    expect(await providerVerifiedEmail({ ...base, fetchImpl: verified })).toBe(true);

    const unverified = githubEmails([{ email: "ada@acme.test", verified: false, primary: true }]);
    expect(await providerVerifiedEmail({ ...base, fetchImpl: unverified })).toBe(false);

    const elsewhere = githubEmails([{ email: "other@acme.test", verified: true, primary: true }]);
    expect(await providerVerifiedEmail({ ...base, fetchImpl: elsewhere })).toBe(false);
  });

  it("refuses when GitHub cannot be asked", async () => {
    const base = { provider: "github", email: "ada@acme.test", profile: {} };
    expect(await providerVerifiedEmail({ ...base, accessToken: undefined })).toBe(false);
    expect(
      await providerVerifiedEmail({ ...base, accessToken: "t", fetchImpl: githubEmails({}, 500) }),
    ).toBe(false);
    const failing = (async () => {
      throw new Error("network down");
    }) as typeof fetch;
    expect(await providerVerifiedEmail({ ...base, accessToken: "t", fetchImpl: failing })).toBe(
      false,
    );
  });

  it("refuses unknown providers and missing addresses", async () => {
    expect(
      await providerVerifiedEmail({
        provider: "other",
        email: "a@b.test",
        profile: { email_verified: true },
        accessToken: "t",
      }),
    ).toBe(false);
    expect(
      await providerVerifiedEmail({
        provider: "google",
        email: null,
        profile: { email_verified: true },
        accessToken: "t",
      }),
    ).toBe(false);
  });
});
