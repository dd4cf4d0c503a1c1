import { timingSafeEqual } from "node:crypto";
import { HOTP, Secret, TOTP } from "otpauth";
import { brand } from "@/brand.config";

// The settings every authenticator app supports (RFC 6238).
const ALGORITHM = "SHA1";
const DIGITS = 6;
const PERIOD_SECONDS = 30;
const DRIFT_STEPS = 1;
// RFC 4226 asks for at least 128 bits; a short key makes codes guessable offline.
const MIN_SECRET_BYTES = 16;

function parseSecret(secret: string): Secret {
  const parsed = Secret.fromBase32(secret);
  if (parsed.bytes.length < MIN_SECRET_BYTES) throw new Error("The TOTP secret is too short.");
  return parsed;
}

function codeAt(secret: Secret, step: number): string {
  return HOTP.generate({ secret, algorithm: ALGORITHM, digits: DIGITS, counter: step });
}

function stepAt(now: number): number {
  return Math.floor(now / 1000 / PERIOD_SECONDS);
}

export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(input: { secret: string; accountName: string; issuer?: string }): string {
  return new TOTP({
    issuer: input.issuer ?? brand.totpIssuer,
    label: input.accountName,
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: parseSecret(input.secret),
  }).toString();
}

export function currentTotp(secret: string, now: number = Date.now()): string {
  return codeAt(parseSecret(secret), stepAt(now));
}

export function formatSecretForDisplay(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export type TotpCheck = { ok: true; step: number } | { ok: false };

// Returns the matched step: one not newer than `lastUsedStep` is refused, so codes cannot replay.
export function verifyTotp(input: {
  secret: string;
  code: string;
  now?: number;
  lastUsedStep?: number | null;
}): TotpCheck {
  const code = typeof input.code === "string" ? input.code.replace(/[\s-]/g, "") : "";
  if (!/^\d{6}$/.test(code)) return { ok: false };
  const now = input.now ?? Date.now();
  if (!Number.isFinite(now) || now < 0) return { ok: false };
  const lastUsedStep = input.lastUsedStep ?? -Infinity;
  const currentStep = stepAt(now);
  let secret: Secret;
  try {
    secret = parseSecret(input.secret);
  } catch {
    return { ok: false };
  }
  const given = Buffer.from(code);
  let matched: number | null = null;
  // Every candidate is generated and compared in constant time, whichever one matches.
  for (let delta = -DRIFT_STEPS; delta <= DRIFT_STEPS; delta++) {
    const step = currentStep + delta;
    const equal = timingSafeEqual(Buffer.from(codeAt(secret, step)), given);
    if (equal && step > lastUsedStep && matched === null) matched = step;
  }
  return matched === null ? { ok: false } : { ok: true, step: matched };
}
