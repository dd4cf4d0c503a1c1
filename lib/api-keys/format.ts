import { createHash, randomInt } from "node:crypto";

// keel_<live|test>_<30 base62 random><6 base62 CRC32 of what precedes it>, as GitHub's tokens:
// secret scanners can match the prefix, and a mistyped key fails the checksum before any query.

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BODY_LENGTH = 30; // 62^30 ≈ 2^178
const CHECKSUM_LENGTH = 6; // 62^6 > 2^32
export const API_KEY_MODES = ["live", "test"] as const;
export type ApiKeyMode = (typeof API_KEY_MODES)[number];

const keyPattern = /^keel_(live|test)_([0-9A-Za-z]{30})([0-9A-Za-z]{6})$/;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) {
    crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function base62(value: number, length: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

function checksumOf(head: string): string {
  return base62(crc32(head), CHECKSUM_LENGTH);
}

export function generateApiKey(mode: ApiKeyMode): string {
  let body = "";
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[randomInt(62)];
  const head = `keel_${mode}_${body}`;
  return head + checksumOf(head);
}

/** True when the text has the key format and its checksum matches: no database needed. */
export function isWellFormedApiKey(text: string): boolean {
  const match = keyPattern.exec(text);
  if (!match) return false;
  const head = `keel_${match[1]}_${match[2]}`;
  return checksumOf(head) === match[3];
}

// High-entropy secrets need no slow hash: SHA-256 cannot be reversed, and nothing is guessable.
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The non-secret start lists show: the mode and 4 random characters. */
export function displayPrefixOf(key: string): string {
  return key.slice(0, "keel_live_".length + 4);
}
