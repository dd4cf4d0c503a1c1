import "server-only";

import { z } from "zod";
import { staffAction } from "@/lib/actions/chain";
import { discardDeadJobFromConsole, retryDeadJobFromConsole } from "@/lib/admin/jobs/dead-jobs";
import { discardFailedStripeEvent, retryFailedStripeEvent } from "@/lib/admin/jobs/stripe-failures";
import { withReason } from "@/lib/admin/reason";

const eventInput = withReason({
  eventId: z.string({ error: "Choose an event." }).trim().min(1, "Choose an event.").max(255),
});
const jobInput = withReason({
  jobId: z.string({ error: "Choose a job." }).trim().min(1, "Choose a job.").max(64),
});

export const retryStripeEventAction = staffAction(
  "admin.jobs.retry_stripe_event",
  eventInput,
  (input, ctx) => retryFailedStripeEvent(ctx, input),
);

export const discardStripeEventAction = staffAction(
  "admin.jobs.discard_stripe_event",
  eventInput,
  (input, ctx) => discardFailedStripeEvent(ctx, input),
);

export const retryJobAction = staffAction("admin.jobs.retry_job", jobInput, (input, ctx) =>
  retryDeadJobFromConsole(ctx, input),
);

export const discardJobAction = staffAction("admin.jobs.discard_job", jobInput, (input, ctx) =>
  discardDeadJobFromConsole(ctx, input),
);
