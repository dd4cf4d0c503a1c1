import { commonPasswords } from "./common-passwords";

export const passwordRules = {
  minLength: 8,
  // Long passphrases are welcome; the cap only bounds the hashing work per request.
  maxLength: 256,
} as const;

// Code points as typed, no normalization (NIST 800-63B); every byte is hashed, unlike bcrypt's 72.
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
