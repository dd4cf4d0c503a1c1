/** Who is asking, as far as the request tells: recorded with sessions and audit entries. */
export type RequestContext = {
  ipAddress: string | null;
  userAgent: string | null;
  now?: Date;
};

/** Addresses are compared and stored lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
