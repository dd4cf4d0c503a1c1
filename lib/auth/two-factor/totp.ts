import { timingSafeEqual } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/**
 * Time-based one-time passwords (RFC 6238) with the settings every authenticator app
 * supports: SHA-1, 6 digits, 30-second steps.
 */
const PERIOD_SECONDS = 30;
const DIGITS = 6;

function totpFor(secret: string, accountName = "", issuer = "Keel"): TOTP {
  return new TOTP({
    issuer,
    label: accountName,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** A new secret of 160 bits, base32-encoded. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI the QR code encodes. */
export function totpUri(input: { secret: string; accountName: string; issuer?: string }): string {
  return totpFor(input.secret, input.accountName, input.issuer ?? "Keel").toString();
}

/** The code for `now` (tests, and the e2e suite standing in for a phone). */
export function currentTotp(secret: string, now: number = Date.now()): string {
  return totpFor(secret).generate({ timestamp: now });
}

/** The secret in groups of four, for typing it into an app by hand. */
export function formatSecretForDisplay(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/**
 * Checks a code against the current step and one step either side (clock drift). The
 * step that matched is returned so the caller can store it: a code whose step is not
 * newer than `lastUsedStep` is refused, so an observed code cannot be replayed.
 */
export function verifyTotp(input: {
  secret: string;
  code: string;
  now?: number;
  lastUsedStep?: number | null;
}): { ok: true; step: number } | { ok: false } {
  const code = input.code.replace(/[\s-]/g, "");
  if (!/^\d{6}$/.test(code)) return { ok: false };
  const now = input.now ?? Date.now();
  const currentStep = Math.floor(now / 1000 / PERIOD_SECONDS);
  let totp: TOTP;
  try {
    totp = totpFor(input.secret);
  } catch {
    return { ok: false };
  }
  let matched: number | null = null;
  // Every candidate is compared, in constant time, whatever matched first.
  for (const delta of [-1, 0, 1]) {
    const step = currentStep + delta;
    const expected = totp.generate({ timestamp: step * PERIOD_SECONDS * 1000 });
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code)) && matched === null)
      matched = step;
  }
  if (matched === null) return { ok: false };
  if (
    input.lastUsedStep !== null &&
    input.lastUsedStep !== undefined &&
    matched <= input.lastUsedStep
  ) {
    return { ok: false };
  }
  return { ok: true, step: matched };
}
