import { describe, expect, it } from "vitest";
import { parseReferralCode, REFERRAL_CODE_LENGTH } from "@/lib/referrals/code";

describe("referral codes", () => {
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
