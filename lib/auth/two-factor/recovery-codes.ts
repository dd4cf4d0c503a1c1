import { createHash, randomInt, timingSafeEqual } from "node:crypto";

/**
 * Recovery codes: one-time stand-ins for the authenticator app, shaped like
 * `k7f3-9q2m-x4hv`. Each symbol comes from 31 lowercase letters and digits without
 * look-alikes (no 0/o, 1/l/i), so twelve of them carry 12 × log2(31) ≈ 59 bits.
 */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUPS = 3;
const GROUP_LENGTH = 4;
const MAX_COUNT = 100;

function compact(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

/** `count` distinct codes, each symbol drawn uniformly with crypto.randomInt. */
export function generateRecoveryCodes(count = 10): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new RangeError(`Recovery codes come in batches of 1 to ${MAX_COUNT}.`);
  }
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
  if (typeof input !== "string") return null;
  const normalized = compact(input);
  if (normalized.length !== GROUPS * GROUP_LENGTH) return null;
  for (const character of normalized) if (!ALPHABET.includes(character)) return null;
  return normalized;
}

/**
 * SHA-256 (hex) of the normalized code, the form stored in the database. A fast hash is
 * right here, unlike for passwords: with ~59 random bits per code, trying every code
 * against a leaked hash is out of reach without a slow hash's cost on every sign-in.
 */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(compact(code)).digest("hex");
}

/**
 * The stored hash that `input` matches, or null. Every hash is compared in constant time,
 * without stopping at a match, so the timing does not reveal which one matched.
 */
export function findMatchingRecoveryCode(input: string, hashes: readonly string[]): string | null {
  const normalized = normalizeRecoveryCode(input);
  if (!normalized) return null;
  const candidate = Buffer.from(hashRecoveryCode(normalized), "hex");
  let match: string | null = null;
  for (const hash of hashes) {
    const stored = Buffer.from(hash, "hex");
    const equal = stored.length === candidate.length && timingSafeEqual(stored, candidate);
    if (equal && match === null) match = hash;
  }
  return match;
}
