/**
 * How many attempts each authentication route allows, per what, and over which window.
 * One table so the routes, the stores and the tests agree on the numbers.
 */
export const rateLimitPolicies = {
  /** Sign-in attempts per client IP: slows password spraying from one address. */
  signInIp: { limit: 30, windowSeconds: 15 * 60 },
  /** FAILED sign-ins per account (email): stops guessing one account's password from many IPs. */
  signInAccount: { limit: 10, windowSeconds: 15 * 60 },
  /** Sign-ups per IP. */
  signUp: { limit: 5, windowSeconds: 60 * 60 },
  /** Password-reset emails per IP+email: no inbox flooding, no sender-reputation damage. */
  passwordReset: { limit: 5, windowSeconds: 60 * 60 },
  /** Magic-link emails per IP+email. */
  magicLink: { limit: 5, windowSeconds: 60 * 60 },
  /** Verification emails per user. */
  verificationEmail: { limit: 3, windowSeconds: 60 * 60 },
  /** Two-factor code attempts per pending sign-in / user: a 6-digit code must not be brute-forced. */
  twoFactor: { limit: 10, windowSeconds: 15 * 60 },
  // Per-recipient caps on every email a stranger can make the app send. Keyed by the
  // address alone, so no number of client IPs lifts them. A capped request gets the same
  // answer as any other and sends nothing, so the caps reveal nothing about accounts.
  /** Sign-up emails (verification or "account exists") per address. */
  signUpRecipient: { limit: 3, windowSeconds: 60 * 60 },
  /** Password-reset emails per address. */
  passwordResetRecipient: { limit: 5, windowSeconds: 60 * 60 },
  /** Magic-link emails per address. */
  magicLinkRecipient: { limit: 5, windowSeconds: 60 * 60 },
  /** Invitation emails per invited address, across every organization. */
  invitationRecipient: { limit: 10, windowSeconds: 24 * 60 * 60 },
  /** New-password submissions with a reset link, per IP: each valid one costs an argon2 hash. */
  resetPasswordIp: { limit: 10, windowSeconds: 15 * 60 },
  /**
   * Current-password checks per user from a signed-in session ("confirm it's you", change
   * password, change email): a stolen session must not become a password-guessing oracle.
   */
  currentPassword: { limit: 10, windowSeconds: 15 * 60 },
  /** Authenticator-code checks per user from a signed-in session ("confirm it's you", 2FA on/off). */
  totpCode: { limit: 10, windowSeconds: 15 * 60 },
  /** "Confirm it's you" emails per user (accounts without a password or 2FA). */
  reauthenticationEmail: { limit: 3, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitWindow>;

export type RateLimitWindow = { limit: number; windowSeconds: number };

export type RateLimitPolicy = keyof typeof rateLimitPolicies;
