import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { drainOutbox } from "@/lib/outbox/deliver";

export const dynamic = "force-dynamic";
// The drain stops starting sends after 20 s; one send in flight may take 10 s more.
export const maxDuration = 60;

/**
 * Whether the request carries `Authorization: Bearer <CRON_SECRET>`. Both sides are
 * hashed to equal-length digests and compared in constant time, so neither the
 * secret's content nor its length leaks through response timing.
 */
function isAuthorized(request: Request, secret: string): boolean {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  const token = match?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(token), digest(secret)) && token.length > 0;
}

/**
 * Sends what the outbox still holds: messages whose delivery after the response
 * failed or never ran. Vercel Cron calls it every 5 minutes (vercel.json) with
 * the CRON_SECRET bearer token; other schedulers can GET or POST it the same way.
 */
async function handle(request: Request): Promise<Response> {
  if (!env.CRON_SECRET) {
    return Response.json({ error: "The cron secret is not configured." }, { status: 503 });
  }
  if (!isAuthorized(request, env.CRON_SECRET)) {
    return Response.json({ error: "Unauthorized." }, { status: 401 });
  }
  try {
    const { sent, failed, dead } = await drainOutbox({ budgetMs: 20_000 });
    return Response.json({ sent, failed, dead });
  } catch (error) {
    console.error("[outbox] cron drain failed", error);
    return Response.json({ error: "The outbox could not be drained." }, { status: 500 });
  }
}

export const GET = handle;
export const POST = handle;
