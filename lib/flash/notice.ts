import "server-only";

import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";

/**
 * One-time status messages carried across a redirect (often to another host, where a cookie
 * would not follow). The wording is fixed here per code; the only variable part, a name, is
 * signed by the server and rendered as text, so a crafted link cannot put words on our pages.
 */
export type FlashNotice = { code: "organization-deleted"; name: string };

const LIFETIME_SECONDS = 10 * 60;
const PARAM = "notice";

// Without a secret (a bare local setup) there is no notice: never an unsigned one.
function sign(body: string): string | null {
  if (!env.AUTH_SECRET) return null;
  const key = deriveKey(env.AUTH_SECRET, "flash-notice");
  return createHmac("sha256", key).update(body).digest("base64url");
}

/** The query string (`notice=…`, or "" without a secret) that shows `notice` on the page it is added to. */
export function noticeQuery(notice: FlashNotice, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + LIFETIME_SECONDS;
  const body = Buffer.from(JSON.stringify({ ...notice, expires })).toString("base64url");
  const signature = sign(body);
  return signature ? new URLSearchParams({ [PARAM]: `${body}.${signature}` }).toString() : "";
}

/** The notice a page was given, or null for anything unsigned, altered or stale. */
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
