import { createHash, createHmac, randomInt, timingSafeEqual } from "node:crypto";

// Shaped like `k7f3-9q2m-x4hv`: 31 symbols without look-alikes, so twelve carry about 59 bits.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUPS = 3;
const GROUP_LENGTH = 4;
const MAX_COUNT = 100;

function compact(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

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

export function normalizeRecoveryCode(input: string): string | null {
  if (typeof input !== "string") return null;
  const normalized = compact(input);
  if (normalized.length !== GROUPS * GROUP_LENGTH) return null;
  for (const character of normalized) if (!ALPHABET.includes(character)) return null;
  return normalized;
}

export type RecoveryCodeKey = { secret: Buffer; userId: string };

const KEYED_PREFIX = "h1:";

// Keyed HMAC over user id and code: ~59 bits make a fast hash fine, but a leaked table without
// AUTH_SECRET tests against nothing, and one user's hash is worthless on another account.
export function hashRecoveryCode(code: string, key: RecoveryCodeKey): string {
  const digest = createHmac("sha256", key.secret)
    .update(`${key.userId}\0${compact(code)}`)
    .digest("hex");
  return `${KEYED_PREFIX}${digest}`;
}

// Older unkeyed codes are still accepted so saved ones work; unused ones cannot be converted.
function legacyHash(normalized: string): string {
  return createHash("sha256").update(normalized).digest("hex");
}

// Every hash is compared in constant time, without stopping at a match.
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
