import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encryption at rest for small secrets (TOTP secrets): AES-256-GCM with a fresh 96-bit IV
 * per value, so a database dump alone does not let anyone generate a user's codes. Keys
 * come from the application secret through HKDF with a purpose label, so one AUTH_SECRET
 * yields independent keys and a key for one purpose never opens another's values.
 */

const VERSION = "v1";

export function deriveKey(appSecret: string, purpose: string): Buffer {
  if (!appSecret) throw new Error("An application secret is required to derive a key.");
  return Buffer.from(hkdfSync("sha256", appSecret, "keel-secret-box", purpose, 32));
}

/** `v1.<iv>.<ciphertext>.<tag>`, each part base64url. */
export function seal(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, ciphertext, tag]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plaintext, or an error when the value was tampered with, is malformed, or the key is wrong. */
export function open(sealed: string, key: Buffer): string {
  const parts = sealed.split(".");
  if (parts.length !== 4) throw new Error("Sealed value is malformed.");
  const [version, ivText, ciphertextText, tagText] = parts as [string, string, string, string];
  if (version !== VERSION)
    throw new Error(`Sealed value has an unknown version (${version.slice(0, 8)}).`);
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== 12 || tag.length !== 16) throw new Error("Sealed value is malformed.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertextText, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new Error("Sealed value could not be opened: wrong key or tampered data.");
  }
}
