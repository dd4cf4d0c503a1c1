import { cronRefusal } from "@/lib/http/cron-auth";
import { drainOutbox } from "@/lib/outbox/deliver";
import { logger } from "@/lib/observability/logger";

export const dynamic = "force-dynamic";
// The drain stops starting sends after 20 s; one send in flight may take 10 s more.
export const maxDuration = 60;

/**
 * Sends what the outbox still holds: messages whose delivery after the response
 * failed or never ran. Vercel Cron calls it every 5 minutes (vercel.json) with
 * the CRON_SECRET bearer token; other schedulers can GET or POST it the same way.
 */
async function handle(request: Request): Promise<Response> {
  const refused = cronRefusal(request);
  if (refused) return refused;
  try {
    const { sent, failed, dead } = await drainOutbox({ budgetMs: 20_000 });
    return Response.json({ sent, failed, dead });
  } catch (error) {
    logger.error({ err: error }, "[outbox] cron drain failed");
    return Response.json({ error: "The outbox could not be drained." }, { status: 500 });
  }
}

export const GET = handle;
export const POST = handle;
