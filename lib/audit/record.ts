import "server-only";

import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseIpAddress } from "@/lib/http/client-info";
import type { AuditAction } from "./actions";

/** The app's Prisma client or a transaction client: anything that can write audit rows. */
export type AuditClient = Pick<Prisma.TransactionClient, "auditLog">;

export type AuditEntry = {
  action: AuditAction;
  /** The user who acted; null for anonymous events such as a failed sign-in for an unknown address. */
  actorId?: string | null;
  /** Null for account-level events that belong to no organization. */
  organizationId?: string | null;
  targetType?: string;
  targetId?: string;
  ipAddress?: string | null;
  userAgent?: string | null;
  /**
   * Context for people reading the log (provider, reason, count). Never put secrets
   * here: no passwords, tokens, codes, keys or anything derived from them. Keys that
   * look like one are dropped at any depth, but values are not inspected, so a
   * secret under an innocent key would be stored.
   */
  metadata?: Record<string, Prisma.JsonValue>;
};

export const USER_AGENT_MAX_LENGTH = 512;

// Matched anywhere in a key once its separators are removed ("new_password", "apiKey").
const SECRET_KEY_FRAGMENTS = [
  "password",
  "passwd",
  "passphrase",
  "passcode",
  "secret",
  "token",
  "apikey",
  "privatekey",
  "credential",
  "cookie",
  "authorization",
  "otpauth",
];
// Matched only as whole words, so "recoveryCode" goes while "encodedLength" stays.
const SECRET_KEY_WORDS = new Set(["code", "codes", "otp", "totp", "pin", "pwd"]);

function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined = words.join("");
  return (
    words.some((word) => SECRET_KEY_WORDS.has(word)) ||
    SECRET_KEY_FRAGMENTS.some((fragment) => joined.includes(fragment))
  );
}

function withoutSecrets(value: Prisma.JsonValue): Prisma.InputJsonValue | null {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== "object") return value;
  return sanitizeAuditMetadata(value);
}

/**
 * A copy of `metadata` without keys named like secrets (password, token, secret,
 * code, key…), at any depth. A safety net for mistakes, not a licence to pass secrets.
 */
export function sanitizeAuditMetadata(metadata: Prisma.JsonObject): Prisma.InputJsonObject {
  const kept: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value === undefined || isSecretKey(key)) continue;
    kept[key] = withoutSecrets(value);
  }
  return kept;
}

/** Control characters removed, at most USER_AGENT_MAX_LENGTH characters, null when empty. */
function cleanUserAgent(userAgent: string | null | undefined): string | null {
  const cleaned = userAgent?.replace(/\p{Cc}/gu, "").trim();
  if (!cleaned) return null;
  return Array.from(cleaned).slice(0, USER_AGENT_MAX_LENGTH).join("");
}

/**
 * Writes one audit row and returns its id. Pass the transaction that makes the change
 * being recorded, so the row exists exactly when the change does: a rolled-back
 * password change leaves no "password changed" entry. Client details are stored
 * defensively: an invalid IP address becomes null and the user agent is capped.
 */
export async function recordAudit(client: AuditClient, entry: AuditEntry): Promise<string> {
  // The id is made here and the row written without RETURNING: an account-level entry
  // (no organization) is readable only by its own actor under row-level security, and an
  // INSERT ... RETURNING would have to read it back.
  const id = randomUUID();
  await client.auditLog.createMany({
    data: [
      {
        id,
        action: entry.action,
        actorId: entry.actorId ?? null,
        organizationId: entry.organizationId ?? null,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        ipAddress: parseIpAddress(entry.ipAddress),
        userAgent: cleanUserAgent(entry.userAgent),
        ...(entry.metadata && { metadata: sanitizeAuditMetadata(entry.metadata) }),
      },
    ],
  });
  return id;
}
