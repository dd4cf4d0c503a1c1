import "server-only";

import { queueStatsByKind, type KindStats } from "@/lib/jobs/stats";
import { countFailedStripeEvents } from "./stripe-failures";

export type JobsOverview = { kinds: KindStats[]; failedStripeEvents: number };

export async function jobsOverview(now = new Date()): Promise<JobsOverview> {
  const [kinds, failedStripeEvents] = await Promise.all([
    queueStatsByKind(now),
    countFailedStripeEvents(),
  ]);
  return { kinds, failedStripeEvents };
}
