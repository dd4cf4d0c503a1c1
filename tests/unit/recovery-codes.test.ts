import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  findMatchingRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
} from "@/lib/auth/two-factor/recovery-codes";

// Lowercase letters and digits without 0, o, 1, l, i.
const SYMBOL = "[a-hjkmnp-z2-9]";
const SHAPE = new RegExp(`^${SYMBOL}{4}-${SYMBOL}{4}-${SYMBOL}{4}$`);

describe("generateRecoveryCodes", () => {
  it("makes 10 distinct codes of the documented shape by default", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(SHAPE);
  });

  it("never uses look-alike characters and draws from the whole alphabet", () => {
    const symbols = new Set(generateRecoveryCodes(100).join("").replace(/-/g, ""));
    for (const lookAlike of ["0", "o", "1", "l", "i"]) expect(symbols.has(lookAlike)).toBe(false);
    // 1,200 draws from 31 symbols: a missing symbol would point at a biased generator.
    expect(symbols.size).toBe(31);
  });

  it("makes fresh codes on every call", () => {
    const first = generateRecoveryCodes(5);
    const second = generateRecoveryCodes(5);
    expect(first.filter((code) => second.includes(code))).toEqual([]);
  });

  it.each([0, -1, 1.5, 101, Number.NaN])("refuses a count of %s", (count) => {
    expect(() => generateRecoveryCodes(count)).toThrow(RangeError);
  });
});

describe("normalizeRecoveryCode", () => {
  it("lowercases and strips spaces and dashes", () => {
    expect(normalizeRecoveryCode("K7F3-9Q2M-X4HV")).toBe("k7f39q2mx4hv");
    expect(normalizeRecoveryCode(" k7f3 9q2m x4hv ")).toBe("k7f39q2mx4hv");
    expect(normalizeRecoveryCode("k7f39q2mx4hv")).toBe("k7f39q2mx4hv");
  });

  it.each([
    "",
    "abc",
    "k7f3-9q2m",
    "k7f3-9q2m-x4hv-abcd",
    "0000-0000-0000",
    "k7f3-9q2m-x4hi",
    "k7f3_9q2m_x4hv",
    "k7f3-9q2m-x4h!",
    "k7f3-9q2m-x4hé",
  ])("refuses the shape of %j", (input) => {
    expect(normalizeRecoveryCode(input)).toBeNull();
  });
});

const key = { secret: Buffer.alloc(32, 7), userId: "user-a" };
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("hashRecoveryCode", () => {
  it("is a keyed hash, not the bare SHA-256 of the code", () => {
    const hash = hashRecoveryCode("k7f3-9q2m-x4hv", key);
    expect(hash).toMatch(/^h1:[0-9a-f]{64}$/);
    expect(hash).not.toContain(sha256("k7f39q2mx4hv"));
  });

  it("depends on the key and on the user", () => {
    const hash = hashRecoveryCode("k7f3-9q2m-x4hv", key);
    expect(hashRecoveryCode("k7f3-9q2m-x4hv", { ...key, userId: "user-b" })).not.toBe(hash);
    expect(hashRecoveryCode("k7f3-9q2m-x4hv", { ...key, secret: Buffer.alloc(32, 8) })).not.toBe(
      hash,
    );
  });

  it("ignores case, dashes and spaces", () => {
    const hash = hashRecoveryCode("k7f3-9q2m-x4hv", key);
    expect(hashRecoveryCode("K7F3-9Q2M-X4HV", key)).toBe(hash);
    expect(hashRecoveryCode("k7f3 9q2m x4hv", key)).toBe(hash);
    expect(hashRecoveryCode("k7f39q2mx4hv", key)).toBe(hash);
    expect(hashRecoveryCode("k7f3-9q2m-x4hw", key)).not.toBe(hash);
  });
});

describe("findMatchingRecoveryCode", () => {
  const codes = generateRecoveryCodes();
  const hashes = codes.map((code) => hashRecoveryCode(code, key));

  it("returns the hash of the matching code, however it was typed", () => {
    const code = codes[3]!;
    expect(findMatchingRecoveryCode(code, hashes, key)).toBe(hashes[3]);
    expect(findMatchingRecoveryCode(code.toUpperCase().replace(/-/g, " "), hashes, key)).toBe(
      hashes[3],
    );
  });

  it("finds the first and the last code too", () => {
    expect(findMatchingRecoveryCode(codes[0]!, hashes, key)).toBe(hashes[0]);
    expect(findMatchingRecoveryCode(codes[9]!, hashes, key)).toBe(hashes[9]);
  });

  it("returns null for a code that is not in the list", () => {
    const [other] = generateRecoveryCodes(1) as [string];
    expect(findMatchingRecoveryCode(other, hashes, key)).toBeNull();
    expect(findMatchingRecoveryCode(codes[0]!, [], key)).toBeNull();
  });

  it("does not match another user's hashes of the same code", () => {
    expect(findMatchingRecoveryCode(codes[0]!, hashes, { ...key, userId: "user-b" })).toBeNull();
  });

  it("still matches a code stored in the earlier bare SHA-256 form", () => {
    const legacy = sha256(codes[5]!.replace(/-/g, ""));
    expect(findMatchingRecoveryCode(codes[5]!, [...hashes.slice(0, 2), legacy], key)).toBe(legacy);
  });

  it("returns null for wrong shapes, even when their hash is stored", () => {
    expect(findMatchingRecoveryCode("abc", [hashRecoveryCode("abc", key)], key)).toBeNull();
    expect(findMatchingRecoveryCode("", hashes, key)).toBeNull();
  });

  it("skips stored values of the wrong shape", () => {
    const code = codes[0]!;
    const broken = ["", "zz", hashes[0]!.slice(0, 32), "h1:zz"];
    expect(findMatchingRecoveryCode(code, broken, key)).toBeNull();
    expect(findMatchingRecoveryCode(code, [...broken, hashes[0]!], key)).toBe(hashes[0]);
  });
});
