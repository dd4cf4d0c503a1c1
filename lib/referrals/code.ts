import { randomInt } from "node:crypto";

// Lower-case letters and digits without 0/o, 1/l/i: easy to read aloud and to type from paper.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
export const REFERRAL_CODE_LENGTH = 12;

/**
 * A referral link's code: 12 characters drawn at random from 31 (about 59 bits), so codes are
 * not enumerable and say nothing about the user (no id, no address, no sequence).
 */
export function generateReferralCode(): string {
  let code = "";
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The code as stored, or null for anything that cannot be one (checked before any lookup). */
export function parseReferralCode(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const code = input.trim().toLowerCase();
  if (code.length !== REFERRAL_CODE_LENGTH) return null;
  for (const char of code) if (!ALPHABET.includes(char)) return null;
  return code;
}
