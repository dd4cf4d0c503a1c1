/**
 * Environment that keeps a local production build away from a developer's real services: the
 * e2e server and the Lighthouse benchmark both start `next` with it. Blank, not deleted:
 * Next.js fills unset variables from .env files, but never overrides one that is set, even to "".
 */
const externalServices = [
  "RESEND_API_KEY",
  "RESEND_BASE_URL",
  "EMAIL_FROM",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_API_BASE",
  "UPSTASH_REDIS_REST_URL",
  "UPSTASH_REDIS_REST_TOKEN",
  "AUTH_GITHUB_ID",
  "AUTH_GITHUB_SECRET",
  "AUTH_GOOGLE_ID",
  "AUTH_GOOGLE_SECRET",
  "ROOT_DOMAIN",
  "S3_ENDPOINT",
  "S3_BUCKET",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "KEEL_LOCAL_S3",
];

export const blankedServices: Record<string, string> = Object.fromEntries(
  externalServices.map((name) => [name, ""]),
);
