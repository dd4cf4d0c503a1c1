import { describe, expect, it } from "vitest";
import { deriveKey, open, seal } from "@/lib/crypto/secret-box";

const appSecret = "an application secret of enough length";
const key = deriveKey(appSecret, "keel:totp-secret");

/** Re-encodes one part of a sealed value with one byte flipped. */
function flipByte(sealed: string, partIndex: number, byteIndex: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[partIndex]!, "base64url");
  bytes[byteIndex] = bytes[byteIndex]! ^ 0x01;
  parts[partIndex] = bytes.toString("base64url");
  return parts.join(".");
}

describe("deriveKey", () => {
  it("derives 32-byte keys that depend on both the secret and the purpose", () => {
    expect(key).toHaveLength(32);
    expect(deriveKey(appSecret, "keel:totp-secret").equals(key)).toBe(true);
    expect(deriveKey(appSecret, "keel:other").equals(key)).toBe(false);
    expect(deriveKey("another application secret", "keel:totp-secret").equals(key)).toBe(false);
  });

  it("stays stable, so values sealed by earlier releases still open", () => {
    // HKDF-SHA256(ikm = secret, salt = "keel-secret-box", info = purpose), checked against RFC 5869.
    expect(key.toString("hex")).toBe(
      "9d52f333779a197d0cfcdc4d6b0add51945be35b247ac4b53ed17002b5bbfef5",
    );
    expect(open("v1.dcq635Jtt_RhHFU1.dkIMx4Wt8R6AIdiYUEpU4g.MmPlKgK14_vQD-BYeG_eUQ", key)).toBe(
      "JBSWY3DPEHPK3PXP",
    );
  });

  it("refuses an empty secret or purpose", () => {
    expect(() => deriveKey("", "keel:totp-secret")).toThrow(/application secret/);
    expect(() => deriveKey(appSecret, "")).toThrow(/purpose/);
  });
});

describe("seal and open", () => {
  it("round-trips text, including empty and non-ASCII text", () => {
    for (const plaintext of ["JBSWY3DPEHPK3PXP", "", "clé secrète 🔑"]) {
      expect(open(seal(plaintext, key), key)).toBe(plaintext);
    }
  });

  it("produces the versioned compact format with a 12-byte IV and 16-byte tag", () => {
    const parts = seal("JBSWY3DPEHPK3PXP", key).split(".");
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe("v1");
    for (const part of parts.slice(1)) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(parts[1]!, "base64url")).toHaveLength(12);
    expect(Buffer.from(parts[2]!, "base64url")).toHaveLength(16);
    expect(Buffer.from(parts[3]!, "base64url")).toHaveLength(16);
  });

  it("uses a fresh IV each time, so the same plaintext seals differently", () => {
    const a = seal("JBSWY3DPEHPK3PXP", key);
    const b = seal("JBSWY3DPEHPK3PXP", key);
    expect(a).not.toBe(b);
    expect(a.split(".")[1]).not.toBe(b.split(".")[1]);
  });

  it("refuses a flipped byte anywhere in the IV, the ciphertext or the tag", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", key);
    const parts = sealed.split(".");
    let attempts = 0;
    for (let partIndex = 1; partIndex <= 3; partIndex++) {
      const length = Buffer.from(parts[partIndex]!, "base64url").length;
      for (let byteIndex = 0; byteIndex < length; byteIndex++) {
        expect(() => open(flipByte(sealed, partIndex, byteIndex), key)).toThrow(
          /wrong key or tampered data/,
        );
        attempts++;
      }
    }
    expect(attempts).toBe(12 + 16 + 16);
  });

  it("refuses a value sealed under another secret's key or another purpose's key", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", key);
    expect(() => open(sealed, deriveKey("another application secret", "keel:totp-secret"))).toThrow(
      /wrong key or tampered data/,
    );
    expect(() => open(sealed, deriveKey(appSecret, "keel:something-else"))).toThrow(
      /wrong key or tampered data/,
    );
  });

  it("refuses keys that are not 32 bytes", () => {
    expect(() => seal("x", Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(() => open(seal("x", key), key.subarray(0, 31))).toThrow(/32 bytes/);
  });

  describe("malformed values", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", key);
    const [, iv, ciphertext, tag] = sealed.split(".") as [string, string, string, string];

    it.each([
      ["empty", ""],
      ["garbage", "garbage"],
      ["missing a part", `v1.${iv}.${ciphertext}`],
      ["an extra part", `${sealed}.AAAA`],
    ])("refuses %s", (_, value) => {
      expect(() => open(value, key)).toThrow(/malformed: expected four parts/);
    });

    it("refuses an unknown version", () => {
      expect(() => open(sealed.replace(/^v1/, "v2"), key)).toThrow(/unknown version \("v2"\)/);
      expect(() => open(`.${iv}.${ciphertext}.${tag}`, key)).toThrow(/unknown version/);
    });

    it.each([
      ["a character outside base64url", `v1.${iv}.${ciphertext}!.${tag}`],
      ["base64 padding", `v1.${iv}.${ciphertext}.${tag}==`],
      ["a non-canonical last character", `v1.${iv}.${ciphertext}.${tag.slice(0, -1)}R`],
    ])("refuses %s", (_, value) => {
      expect(() => open(value, key)).toThrow(/malformed: invalid base64url/);
    });

    it("refuses a short IV and a truncated tag", () => {
      const shortIv = Buffer.from(iv, "base64url").subarray(0, 8).toString("base64url");
      const shortTag = Buffer.from(tag, "base64url").subarray(0, 12).toString("base64url");
      expect(() => open(`v1.${shortIv}.${ciphertext}.${tag}`, key)).toThrow(/IV or tag length/);
      expect(() => open(`v1.${iv}.${ciphertext}.${shortTag}`, key)).toThrow(/IV or tag length/);
      expect(() => open(`v1.${iv}.${ciphertext}.`, key)).toThrow(/IV or tag length/);
    });
  });
});
