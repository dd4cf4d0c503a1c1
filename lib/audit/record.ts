import "server-only";

import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseIpAddress } from "@/lib/http/client-info";
import { currentContext } from "@/lib/observability/context";
import type { AuditAction } from "./actions";

export type AuditClient = Pick<Prisma.TransactionClient, "auditLog">;

export type AuditEntry = {
  action: AuditAction;
  actorId?: string | null;
  organizationId?: string | null;
  targetType?: string;
  targetId?: string;
  ipAddress?: string | null;
  userAgent?: string | null;
  /** Never secrets: keys named like one are dropped at any depth, but values are not inspected. */
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

// A safety net for mistakes, not a licence to pass secrets.
export function sanitizeAuditMetadata(metadata: Prisma.JsonObject): Prisma.InputJsonObject {
  const kept: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value === undefined || isSecretKey(key)) continue;
    kept[key] = withoutSecrets(value);
  }
  return kept;
}

function cleanUserAgent(userAgent: string | null | undefined): string | null {
  const cleaned = userAgent?.replace(/\p{Cc}/gu, "").trim();
  if (!cleaned) return null;
  return Array.from(cleaned).slice(0, USER_AGENT_MAX_LENGTH).join("");
}

// Whatever happens while staff view the app as a customer is recorded as "staff X acting as user
// Y": the request's context carries the staff member (set by lib/actions/chain.ts).
function withImpersonator(
  metadata: AuditEntry["metadata"],
): Record<string, Prisma.JsonValue> | undefined {
  const impersonatorId = currentContext()?.impersonatorId;
  if (!impersonatorId) return metadata;
  return { ...metadata, impersonatorId };
}

// Pass the transaction of the change, so the row exists exactly when the change does.
export async function recordAudit(client: AuditClient, entry: AuditEntry): Promise<string> {
  const metadata = withImpersonator(entry.metadata);
  // No RETURNING: an account-level entry is readable only by its actor under row-level security,
  // and INSERT ... RETURNING would have to read it back.
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
        ...(metadata && { metadata: sanitizeAuditMetadata(metadata) }),
      },
    ],
  });
  return id;
}
