import { commonPasswords } from "./common-passwords";

/** The password rules, in one place for the forms, the server and the tests. */
export const passwordRules = {
  minLength: 8,
  // Long passphrases are welcome; the cap only bounds the hashing work per request.
  maxLength: 256,
} as const;

/**
 * Why `password` cannot be used, or null when it can. Length is counted in characters
 * (code points) of the password exactly as typed: no trimming, no normalization, no
 * composition rules (NIST 800-63B). The whole string is hashed, so nothing past byte 72
 * is ignored the way bcrypt would.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < passwordRules.minLength) {
    return `Use at least ${passwordRules.minLength} characters.`;
  }
  if (length > passwordRules.maxLength) {
    return `Use at most ${passwordRules.maxLength} characters.`;
  }
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) {
    return "This password is too common. Choose one that is harder to guess.";
  }
  const email = context.email?.toLowerCase();
  if (email && (lowered === email || lowered === email.split("@")[0])) {
    return "Your password must not be your email address.";
  }
  return null;
}
