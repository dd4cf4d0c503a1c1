import { describe, expect, it } from "vitest";
import { totpQrSvg } from "@/lib/auth/two-factor/qr";
import {
  currentTotp,
  formatSecretForDisplay,
  generateTotpSecret,
  totpUri,
  verifyTotp,
} from "@/lib/auth/two-factor/totp";

// The RFC 6238 SHA-1 key, ASCII "12345678901234567890", in base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const secret = generateTotpSecret();
const now = Date.UTC(2026, 10, 22, 12, 0, 10);
const step = Math.floor(now / 30_000);

describe("generateTotpSecret", () => {
  it("makes a new 160-bit base32 secret each time", () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe("verifyTotp", () => {
  it("accepts the current code and returns its step", () => {
    expect(verifyTotp({ secret, code: currentTotp(secret, now), now })).toEqual({ ok: true, step });
  });

  it("accepts the code with spaces or dashes", () => {
    const code = currentTotp(secret, now);
    for (const typed of [
      `${code.slice(0, 3)} ${code.slice(3)}`,
      `${code.slice(0, 3)}-${code.slice(3)}`,
      ` ${code} `,
    ]) {
      expect(verifyTotp({ secret, code: typed, now })).toEqual({ ok: true, step });
    }
  });

  it("accepts 30 s of drift either way and refuses 90 s", () => {
    expect(verifyTotp({ secret, code: currentTotp(secret, now - 30_000), now })).toEqual({
      ok: true,
      step: step - 1,
    });
    expect(verifyTotp({ secret, code: currentTotp(secret, now + 30_000), now })).toEqual({
      ok: true,
      step: step + 1,
    });
    expect(verifyTotp({ secret, code: currentTotp(secret, now - 90_000), now })).toEqual({
      ok: false,
    });
    expect(verifyTotp({ secret, code: currentTotp(secret, now + 90_000), now })).toEqual({
      ok: false,
    });
  });

  it("refuses a replay once its step was used, and accepts the next step", () => {
    const code = currentTotp(secret, now);
    const first = verifyTotp({ secret, code, now, lastUsedStep: null });
    expect(first).toEqual({ ok: true, step });
    expect(verifyTotp({ secret, code, now, lastUsedStep: step })).toEqual({ ok: false });
    expect(verifyTotp({ secret, code, now: now + 20_000, lastUsedStep: step })).toEqual({
      ok: false,
    });
    const next = currentTotp(secret, now + 30_000);
    expect(verifyTotp({ secret, code: next, now: now + 30_000, lastUsedStep: step })).toEqual({
      ok: true,
      step: step + 1,
    });
  });

  it("refuses an older step's code once a newer step was used", () => {
    const previous = currentTotp(secret, now - 30_000);
    expect(verifyTotp({ secret, code: previous, now, lastUsedStep: step - 1 })).toEqual({
      ok: false,
    });
    expect(verifyTotp({ secret, code: previous, now, lastUsedStep: step - 2 })).toEqual({
      ok: true,
      step: step - 1,
    });
  });

  it("refuses a wrong code", () => {
    const code = currentTotp(secret, now);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(verifyTotp({ secret, code: wrong, now })).toEqual({ ok: false });
    expect(verifyTotp({ secret: generateTotpSecret(), code, now })).toEqual({ ok: false });
  });

  it.each(["", "12345", "1234567", "abcdef", "12345a", "12 34 5", "１２３４５６", "123456\u0000"])(
    "refuses %j without throwing",
    (code) => {
      expect(verifyTotp({ secret, code, now })).toEqual({ ok: false });
    },
  );

  it("refuses a five- or seven-digit version of the real code", () => {
    const code = currentTotp(secret, now);
    expect(verifyTotp({ secret, code: code.slice(0, 5), now })).toEqual({ ok: false });
    expect(verifyTotp({ secret, code: `${code}0`, now })).toEqual({ ok: false });
  });

  it("returns { ok: false } rather than throwing on a bad secret or clock", () => {
    const code = currentTotp(secret, now);
    for (const badSecret of ["", "not base32!", "GEZDGNBV"]) {
      expect(verifyTotp({ secret: badSecret, code, now })).toEqual({ ok: false });
    }
    for (const badNow of [Number.NaN, Number.POSITIVE_INFINITY, -1]) {
      expect(verifyTotp({ secret, code, now: badNow })).toEqual({ ok: false });
    }
    expect(verifyTotp({ secret, code: undefined as unknown as string, now })).toEqual({
      ok: false,
    });
  });

  it("uses the current time when none is given", () => {
    expect(verifyTotp({ secret, code: currentTotp(secret) }).ok).toBe(true);
  });
});

describe("RFC 6238 SHA-1 test vectors", () => {
  it("verifies 287082 at T = 59 s (8-digit code 94287082)", () => {
    expect(currentTotp(RFC_SECRET, 59_000)).toBe("287082");
    expect(verifyTotp({ secret: RFC_SECRET, code: "287082", now: 59_000 })).toEqual({
      ok: true,
      step: 1,
    });
  });

  // The last six digits of the RFC's 8-digit codes; leading zeros must survive.
  it.each([
    [1_111_111_109, "081804"],
    [1_111_111_111, "050471"],
    [1_234_567_890, "005924"],
    [2_000_000_000, "279037"],
    [20_000_000_000, "353130"],
  ])("at T = %i s the code is %s", (seconds, code) => {
    expect(currentTotp(RFC_SECRET, seconds * 1000)).toBe(code);
    expect(verifyTotp({ secret: RFC_SECRET, code, now: seconds * 1000 }).ok).toBe(true);
  });
});

describe("totpUri", () => {
  it("builds the URI authenticator apps expect", () => {
    const uri = new URL(totpUri({ secret, accountName: "ada@acme.test" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Keel:ada@acme.test");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Keel");
    expect(uri.searchParams.get("algorithm")).toBe("SHA1");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });

  it("takes another issuer and encodes the account name", () => {
    const uri = new URL(
      totpUri({ secret, accountName: "ada+2fa@acme.test", issuer: "Acme Cloud" }),
    );
    expect(decodeURIComponent(uri.pathname)).toBe("/Acme Cloud:ada+2fa@acme.test");
    expect(uri.searchParams.get("issuer")).toBe("Acme Cloud");
  });
});

describe("formatSecretForDisplay", () => {
  it("shows the key in groups of four", () => {
    expect(formatSecretForDisplay("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
    const shown = formatSecretForDisplay(secret);
    expect(shown).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    expect(shown.replace(/ /g, "")).toBe(secret);
  });
});

describe("totpQrSvg", () => {
  it("renders the URI as an inline SVG with a path", async () => {
    const svg = await totpQrSvg(totpUri({ secret, accountName: "ada@acme.test" }));
    expect(svg.trimStart()).toMatch(/^<svg[\s>]/);
    expect(svg).toMatch(/<path[^>]+d="M/);
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
  });
});
