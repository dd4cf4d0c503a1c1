import { describe, expect, it } from "vitest";
import {
  generateReferralCode,
  parseReferralCode,
  REFERRAL_CODE_LENGTH,
} from "@/lib/referrals/code";

describe("referral codes", () => {
  it("are 12 characters of an alphabet without look-alikes, and parse back to themselves", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateReferralCode();
      expect(code).toMatch(/^[23456789abcdefghjkmnpqrstuvwxyz]{12}$/);
      expect(parseReferralCode(code)).toBe(code);
    }
  });

  it("do not repeat: 5,000 draws, 5,000 distinct codes", () => {
    const codes = new Set(Array.from({ length: 5000 }, generateReferralCode));
    expect(codes.size).toBe(5000);
  });

  it("use every character of the alphabet (nothing derived from a user or a counter)", () => {
    const seen = new Set(Array.from({ length: 500 }, generateReferralCode).join(""));
    expect(seen.size).toBe(31);
  });

  it("parse case-insensitively and trimmed, as typed from a printed link", () => {
    expect(parseReferralCode("  ABCDEFGHJKMN ")).toBe("abcdefghjkmn");
  });

  it.each([
    ["too short", "abcdefghjkm"],
    ["too long", "abcdefghjkmnp"],
    ["a look-alike 0", "abcdefghjkm0"],
    ["a look-alike l", "abcdefghjkml"],
    ["punctuation", "abcdefghjk/."],
    ["SQL", "' OR 1=1 --x"],
    ["empty", ""],
  ])("refuses %s", (_, input) => {
    expect(parseReferralCode(input)).toBeNull();
  });

  it("refuses what is not a string", () => {
    expect(parseReferralCode(undefined)).toBeNull();
    expect(parseReferralCode(null)).toBeNull();
    expect(parseReferralCode(123456789012)).toBeNull();
    expect(parseReferralCode(["abcdefghjkmn"])).toBeNull();
  });

  it("has the documented length", () => {
    expect(REFERRAL_CODE_LENGTH).toBe(12);
  });
});
