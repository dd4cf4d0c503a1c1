import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// Equal-length digests compared in constant time: neither the secret nor its length leaks.
export function hasBearer(request: Request, secret: string): boolean {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  const token = match?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(token), digest(secret)) && token.length > 0;
}

export function cronRefusal(request: Request): Response | null {
  if (!env.CRON_SECRET) {
    return Response.json({ error: "The cron secret is not configured." }, { status: 503 });
  }
  if (!hasBearer(request, env.CRON_SECRET)) {
    return Response.json({ error: "Unauthorized." }, { status: 401 });
  }
  return null;
}
