import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Whether `Authorization: Bearer <secret>` is present. Both sides are hashed to
 * equal-length digests and compared in constant time, so neither the secret's content
 * nor its length leaks through response timing.
 */
export function hasBearer(request: Request, secret: string): boolean {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  const token = match?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(token), digest(secret)) && token.length > 0;
}

/** The refusal for a cron route request without the CRON_SECRET bearer token, or null. */
export function cronRefusal(request: Request): Response | null {
  if (!env.CRON_SECRET) {
    return Response.json({ error: "The cron secret is not configured." }, { status: 503 });
  }
  if (!hasBearer(request, env.CRON_SECRET)) {
    return Response.json({ error: "Unauthorized." }, { status: 401 });
  }
  return null;
}
