import "server-only";

import { logger } from "@/lib/observability/logger";
import { scheduleUsageFlush } from "@/lib/usage/flush";
import { drainJobs } from "./run";
import { scheduleRecurringJobs } from "./schedule";

// Drains for up to 20 s; a job in flight may take 10 s more.
export async function drainQueueResponse(): Promise<Response> {
  try {
    await scheduleRecurringJobs();
    await scheduleUsageFlush();
    const { sent, failed, dead } = await drainJobs({ budgetMs: 20_000 });
    return Response.json({ sent, failed, dead });
  } catch (error) {
    logger.error({ err: error }, "[jobs] drain failed");
    return Response.json({ error: "The job queue could not be drained." }, { status: 500 });
  }
}
