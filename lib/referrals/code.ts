// Lower-case letters and digits without 0/o, 1/l/i: easy to read aloud and to type from paper.
// The database draws codes from the same alphabet (keel_referral_code, referrals migration).
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
export const REFERRAL_CODE_LENGTH = 12;

/** The code as stored, or null for anything that cannot be one (checked before any lookup). */
export function parseReferralCode(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const code = input.trim().toLowerCase();
  if (code.length !== REFERRAL_CODE_LENGTH) return null;
  for (const char of code) if (!ALPHABET.includes(char)) return null;
  return code;
}
