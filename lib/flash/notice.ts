import "server-only";

import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";

// In the query: a cookie would not follow to another host. Wording is fixed per code and the name
// signed (no secret: no notice, never an unsigned one), so a link cannot put words on our pages.
export type FlashNotice = { code: "organization-deleted"; name: string };

const LIFETIME_SECONDS = 10 * 60;
const PARAM = "notice";

function sign(body: string): string | null {
  if (!env.AUTH_SECRET) return null;
  const key = deriveKey(env.AUTH_SECRET, "flash-notice");
  return createHmac("sha256", key).update(body).digest("base64url");
}

export function noticeQuery(notice: FlashNotice, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + LIFETIME_SECONDS;
  const body = Buffer.from(JSON.stringify({ ...notice, expires })).toString("base64url");
  const signature = sign(body);
  return signature ? new URLSearchParams({ [PARAM]: `${body}.${signature}` }).toString() : "";
}

export function readNotice(value: unknown, now = new Date()): FlashNotice | null {
  if (typeof value !== "string" || value.length > 1024) return null;
  const [body, given, extra] = value.split(".");
  if (!body || !given || extra !== undefined) return null;
  const signature = sign(body);
  if (!signature) return null;
  const expected = Buffer.from(signature);
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as unknown;
    if (typeof parsed !== "object" || parsed === null) return null;
    const { code, name, expires } = parsed as Record<string, unknown>;
    if (code !== "organization-deleted" || typeof name !== "string") return null;
    if (typeof expires !== "number" || expires * 1000 <= now.getTime()) return null;
    return { code, name: name.slice(0, 200) };
  } catch {
    return null;
  }
}

export function noticeText(notice: FlashNotice): string {
  return `${notice.name} was deleted, with its projects, members and history.`;
}
