import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Changing the salt or the info layout changes every key: stored secrets would no longer open.
const HKDF_SALT = "keel-secret-box";

export function deriveKey(appSecret: string, purpose: string): Buffer {
  if (!appSecret) throw new Error("An application secret is required to derive a key.");
  if (!purpose) throw new Error("A purpose label is required to derive a key.");
  return Buffer.from(hkdfSync("sha256", appSecret, HKDF_SALT, purpose, KEY_BYTES));
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) {
    throw new Error(`Secret box keys are ${KEY_BYTES} bytes; use deriveKey() to make one.`);
  }
}

export function seal(plaintext: string, key: Buffer): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, ...[iv, ciphertext, tag].map((part) => part.toString("base64url"))].join(".");
}

// Node's base64url decoder skips characters it does not know; only the canonical form passes.
function decodePart(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : null;
}

export function open(sealed: string, key: Buffer): string {
  assertKey(key);
  const parts = sealed.split(".");
  if (parts.length !== 4) throw new Error("Sealed value is malformed: expected four parts.");
  const [version, ivText, ciphertextText, tagText] = parts as [string, string, string, string];
  if (version !== VERSION) {
    throw new Error(
      `Sealed value has an unknown version (${JSON.stringify(version.slice(0, 8))}).`,
    );
  }
  const iv = decodePart(ivText);
  const ciphertext = decodePart(ciphertextText);
  const tag = decodePart(tagText);
  if (!iv || !ciphertext || !tag) throw new Error("Sealed value is malformed: invalid base64url.");
  // GCM accepts shorter tags unless told otherwise; a truncated tag is easier to forge.
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new Error("Sealed value is malformed: wrong IV or tag length.");
  }
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("Sealed value could not be opened: wrong key or tampered data.");
  }
}
