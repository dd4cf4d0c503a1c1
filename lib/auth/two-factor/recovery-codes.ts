import { createHash, randomInt, timingSafeEqual } from "node:crypto";

/**
 * Recovery codes: one-time stand-ins for the authenticator app, shaped `xxxx-xxxx-xxxx`
 * from 31 symbols without look-alikes (no 0/o, 1/l/i): about 59 bits each. That much
 * entropy makes a fast hash (SHA-256) the right way to store them, unlike passwords.
 */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // 31 symbols, no look-alikes
const GROUPS = 3;
const GROUP_LENGTH = 4;

export function generateRecoveryCodes(count = 10): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const groups: string[] = [];
    for (let g = 0; g < GROUPS; g++) {
      let group = "";
      for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
      groups.push(group);
    }
    codes.add(groups.join("-"));
  }
  return [...codes];
}

/** The canonical form (lowercase, no spaces or dashes), or null when the shape is wrong. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]/g, "");
  if (compact.length !== GROUPS * GROUP_LENGTH) return null;
  for (const character of compact) if (!ALPHABET.includes(character)) return null;
  return compact;
}

export function hashRecoveryCode(code: string): string {
  const normalized = normalizeRecoveryCode(code) ?? code.toLowerCase().replace(/[\s-]/g, "");
  return createHash("sha256").update(normalized).digest("hex");
}

/** The stored hash `input` matches, or null. Compares against every hash, without early exit. */
export function findMatchingRecoveryCode(input: string, hashes: readonly string[]): string | null {
  const normalized = normalizeRecoveryCode(input);
  if (!normalized) return null;
  const candidate = Buffer.from(hashRecoveryCode(normalized), "hex");
  let match: string | null = null;
  for (const hash of hashes) {
    const stored = Buffer.from(hash, "hex");
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate) && match === null)
      match = hash;
  }
  return match;
}
