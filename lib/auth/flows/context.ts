export type RequestContext = {
  ipAddress: string | null;
  userAgent: string | null;
  now?: Date;
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
