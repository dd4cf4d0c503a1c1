import "server-only";

import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";

export const EXPORT_LINK_HOURS = 24;

function signature(exportId: string, userId: string, expires: number): string {
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is required to sign export links.");
  const key = deriveKey(env.AUTH_SECRET, "keel:account-export-link");
  return createHmac("sha256", key).update(`${exportId}\n${userId}\n${expires}`).digest("base64url");
}

/** Signed for that export, that user and a deadline. */
export function exportLink(exportId: string, userId: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  const query = new URLSearchParams({
    expires: String(expires),
    signature: signature(exportId, userId, expires),
  });
  return `${env.appUrl}/api/account/export/${encodeURIComponent(exportId)}?${query}`;
}

export function isValidExportLink(
  exportId: string,
  userId: string,
  query: URLSearchParams,
  now = new Date(),
): boolean {
  const expires = Number(query.get("expires"));
  const given = query.get("signature") ?? "";
  if (!Number.isSafeInteger(expires) || expires * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(signature(exportId, userId, expires));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
