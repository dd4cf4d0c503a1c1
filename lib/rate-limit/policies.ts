export const rateLimitPolicies = {
  signInIp: { limit: 30, windowSeconds: 15 * 60 },
  signInAccount: { limit: 10, windowSeconds: 15 * 60 },
  signUp: { limit: 5, windowSeconds: 60 * 60 },
  passwordReset: { limit: 5, windowSeconds: 60 * 60 },
  magicLink: { limit: 5, windowSeconds: 60 * 60 },
  verificationEmail: { limit: 3, windowSeconds: 60 * 60 },
  twoFactor: { limit: 10, windowSeconds: 15 * 60 },
  // Keyed by address alone, so no number of IPs lifts them; a capped request answers as any other.
  signUpRecipient: { limit: 3, windowSeconds: 60 * 60 },
  passwordResetRecipient: { limit: 5, windowSeconds: 60 * 60 },
  magicLinkRecipient: { limit: 5, windowSeconds: 60 * 60 },
  invitationRecipient: { limit: 10, windowSeconds: 24 * 60 * 60 },
  resetPasswordIp: { limit: 10, windowSeconds: 15 * 60 },
  currentPassword: { limit: 10, windowSeconds: 15 * 60 },
  totpCode: { limit: 10, windowSeconds: 15 * 60 },
  // /api/v1: each key, and all keys of an organization together.
  apiKey: { limit: 600, windowSeconds: 60 },
  apiOrganization: { limit: 1200, windowSeconds: 60 },
  reauthenticationEmail: { limit: 3, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitWindow>;

export type RateLimitWindow = { limit: number; windowSeconds: number };

export type RateLimitPolicy = keyof typeof rateLimitPolicies;
