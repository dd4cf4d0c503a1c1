import { createHash, createHmac, randomInt, timingSafeEqual } from "node:crypto";

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

/** Whose codes are hashed, and with which key (HKDF from AUTH_SECRET, purpose "keel:recovery-codes"). */
export type RecoveryCodeKey = { secret: Buffer; userId: string };

const KEYED_PREFIX = "h1:";

/**
 * The stored form of a code: HMAC-SHA256 under a key derived from the application secret,
 * over the user id and the normalized code, as `h1:<hex>`. With ~59 random bits per code a
 * fast hash is fine (a slow one would cost every sign-in), but not a bare one: a leaked
 * table alone (without AUTH_SECRET) can be tested against nothing, and the user id in the
 * input makes one user's stored hash worthless on another account.
 */
export function hashRecoveryCode(code: string, key: RecoveryCodeKey): string {
  const digest = createHmac("sha256", key.secret)
    .update(`${key.userId}\0${compact(code)}`)
    .digest("hex");
  return `${KEYED_PREFIX}${digest}`;
}

/**
 * The form codes were stored in before `hashRecoveryCode` was keyed: bare SHA-256 (hex).
 * Still accepted so nobody who saved their codes is locked out; each is single-use, so it
 * leaves the table's usable set when used, and a new set (2FA turned on again) is keyed.
 * Nothing can convert the unused ones: the codes themselves are not stored.
 */
function legacyHash(normalized: string): string {
  return createHash("sha256").update(normalized).digest("hex");
}

/**
 * The stored hash that `input` matches, or null. Every hash is compared in constant time,
 * without stopping at a match, so the timing does not reveal which one matched.
 */
export function findMatchingRecoveryCode(
  input: string,
  hashes: readonly string[],
  key: RecoveryCodeKey,
): string | null {
  const normalized = normalizeRecoveryCode(input);
  if (!normalized) return null;
  const keyed = Buffer.from(hashRecoveryCode(normalized, key));
  const legacy = Buffer.from(legacyHash(normalized));
  let match: string | null = null;
  for (const hash of hashes) {
    const candidate = hash.startsWith(KEYED_PREFIX) ? keyed : legacy;
    const stored = Buffer.from(hash);
    const equal = stored.length === candidate.length && timingSafeEqual(stored, candidate);
    if (equal && match === null) match = hash;
  }
  return match;
}
