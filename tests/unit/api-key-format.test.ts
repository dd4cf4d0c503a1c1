import { describe, expect, it } from "vitest";
import {
  crc32,
  displayPrefixOf,
  generateApiKey,
  hashApiKey,
  isWellFormedApiKey,
} from "@/lib/api-keys/format";

describe("API key format", () => {
  it("has a recognisable prefix, a random body and a valid checksum", () => {
    const live = generateApiKey("live");
    const test = generateApiKey("test");
    expect(live).toMatch(/^keel_live_[0-9A-Za-z]{36}$/);
    expect(test).toMatch(/^keel_test_[0-9A-Za-z]{36}$/);
    expect(isWellFormedApiKey(live)).toBe(true);
    expect(generateApiKey("live")).not.toBe(live);
  });

  it("rejects any single mistyped character, a truncated key and other prefixes", () => {
    const key = generateApiKey("live");
    for (let i = "keel_live_".length; i < key.length; i++) {
      const swapped = key[i] === "x" ? "y" : "x";
      expect(isWellFormedApiKey(key.slice(0, i) + swapped + key.slice(i + 1)), `at ${i}`).toBe(
        false,
      );
    }
    expect(isWellFormedApiKey(key.slice(0, -1))).toBe(false);
    expect(isWellFormedApiKey(key.replace("keel_live_", "keel_test_"))).toBe(false);
    expect(isWellFormedApiKey(`sk_live_${key.slice(10)}`)).toBe(false);
    expect(isWellFormedApiKey("")).toBe(false);
  });

  it("computes the standard CRC-32", () => {
    expect(crc32("123456789")).toBe(0xcbf43926);
  });

  it("shows only the mode and four characters, and hashes with SHA-256", () => {
    const key = generateApiKey("test");
    expect(displayPrefixOf(key)).toBe(key.slice(0, 14));
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
  });
});
