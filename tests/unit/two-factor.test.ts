import { describe, expect, it } from "vitest";
import { deriveKey, open, seal } from "@/lib/crypto/secret-box";
import { totpQrSvg } from "@/lib/auth/two-factor/qr";
import {
  findMatchingRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
} from "@/lib/auth/two-factor/recovery-codes";
import {
  currentTotp,
  formatSecretForDisplay,
  generateTotpSecret,
  totpUri,
  verifyTotp,
} from "@/lib/auth/two-factor/totp";

describe("secret box", () => {
  const key = deriveKey("an application secret of enough length", "keel:totp-secret");

  it("round-trips, with a fresh IV each time", () => {
    const a = seal("JBSWY3DPEHPK3PXP", key);
    const b = seal("JBSWY3DPEHPK3PXP", key);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\./);
    expect(open(a, key)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses tampering in any part", () => {
    const sealed = seal("secret", key);
    const parts = sealed.split(".");
    for (let index = 1; index < parts.length; index++) {
      const bytes = Buffer.from(parts[index]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      const tampered = [...parts];
      tampered[index] = bytes.toString("base64url");
      expect(() => open(tampered.join("."), key)).toThrow();
    }
  });

  it("refuses the wrong key, another purpose's key, and malformed values", () => {
    const sealed = seal("secret", key);
    expect(() => open(sealed, deriveKey("another application secret", "keel:totp-secret"))).toThrow(
      /wrong key/,
    );
    expect(() =>
      open(sealed, deriveKey("an application secret of enough length", "other")),
    ).toThrow();
    expect(() => open("garbage", key)).toThrow(/malformed/);
    expect(() => open(sealed.replace(/^v1/, "v9"), key)).toThrow(/unknown version/);
  });
});

describe("TOTP", () => {
  const secret = generateTotpSecret();
  const now = Date.UTC(2026, 10, 22, 12, 0, 10);

  it("accepts the current code, with spaces or a dash", () => {
    const code = currentTotp(secret, now);
    expect(verifyTotp({ secret, code, now }).ok).toBe(true);
    expect(verifyTotp({ secret, code: `${code.slice(0, 3)} ${code.slice(3)}`, now }).ok).toBe(true);
    expect(verifyTotp({ secret, code: `${code.slice(0, 3)}-${code.slice(3)}`, now }).ok).toBe(true);
  });

  it("accepts 30 s of drift either way and refuses 90 s", () => {
    expect(verifyTotp({ secret, code: currentTotp(secret, now - 30_000), now }).ok).toBe(true);
    expect(verifyTotp({ secret, code: currentTotp(secret, now + 30_000), now }).ok).toBe(true);
    expect(verifyTotp({ secret, code: currentTotp(secret, now - 90_000), now }).ok).toBe(false);
    expect(verifyTotp({ secret, code: currentTotp(secret, now + 90_000), now }).ok).toBe(false);
  });

  it("refuses a replay once its step was used", () => {
    const code = currentTotp(secret, now);
    const first = verifyTotp({ secret, code, now });
    expect(first.ok).toBe(true);
    const step = first.ok ? first.step : -1;
    expect(verifyTotp({ secret, code, now, lastUsedStep: step }).ok).toBe(false);
    expect(
      verifyTotp({
        secret,
        code: currentTotp(secret, now + 30_000),
        now: now + 30_000,
        lastUsedStep: step,
      }).ok,
    ).toBe(true);
  });

  it.each(["", "12345", "1234567", "abcdef", "12 34 5"])("refuses %j", (code) => {
    expect(verifyTotp({ secret, code, now })).toEqual({ ok: false });
  });

  it("matches the RFC 6238 SHA-1 test vector", () => {
    // The RFC's key "12345678901234567890" in base32; at T = 59 s the 8-digit code is 94287082.
    const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(verifyTotp({ secret: rfcSecret, code: "287082", now: 59_000 }).ok).toBe(true);
    expect(currentTotp(rfcSecret, 59_000)).toBe("287082");
  });

  it("builds the URI authenticator apps expect", () => {
    const uri = new URL(totpUri({ secret, accountName: "ada@acme.test" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Keel:ada@acme.test");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Keel");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(uri.searchParams.get("digits")).toBe("6");
  });

  it("shows the key in groups of four", () => {
    expect(formatSecretForDisplay("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("recovery codes", () => {
  it("makes 10 distinct codes of the documented shape", () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}$/);
  });

  it("matches whatever the case, spacing or dashes", () => {
    const [code] = generateRecoveryCodes(1) as [string];
    const key = { secret: Buffer.alloc(32, 1), userId: "user" };
    const hashes = [hashRecoveryCode("aaaa-bbbb-cccc", key), hashRecoveryCode(code, key)];
    expect(findMatchingRecoveryCode(code.toUpperCase().replace(/-/g, " "), hashes, key)).toBe(
      hashes[1],
    );
    expect(findMatchingRecoveryCode("zzzz-zzzz-zzzz", hashes, key)).toBeNull();
  });

  it.each(["", "abc", "0000-0000-0000", "aaaa-bbbb-cccc-dddd"])(
    "refuses the shape of %j",
    (input) => {
      expect(normalizeRecoveryCode(input)).toBeNull();
    },
  );
});

describe("QR code", () => {
  it("renders an SVG", async () => {
    const svg = await totpQrSvg("otpauth://totp/Keel:ada?secret=JBSWY3DPEHPK3PXP");
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("<path");
  });
});
