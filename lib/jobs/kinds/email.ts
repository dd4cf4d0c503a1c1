import "server-only";

import { z } from "zod";
import { sendEmail } from "@/lib/email/transport";
import { retryPolicy } from "../backoff";
import { defineJob, PermanentJobError, RetryableJobError } from "../define";

/** What an email job carries: the message exactly as it will be sent. */
export const emailPayloadSchema = z.object({
  template: z.string(),
  to: z.string(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
});
export type EmailPayload = z.infer<typeof emailPayloadSchema>;

/**
 * Sends one email (queued with `enqueueEmail`, lib/outbox/enqueue.ts). The job id is the
 * provider's idempotency key: a send that timed out after the provider accepted it, or
 * whose success was never recorded, is recognised on retry and not delivered twice.
 */
export const emailJob = defineJob({
  kind: "email",
  payload: emailPayloadSchema,
  maxAttempts: retryPolicy.maxAttempts,
  // Providers rate-limit per account; the batch sends one after the other anyway.
  concurrency: 50,
  handler: async ({ to, subject, html, text }, { jobId, timeoutMs }) => {
    const result = await sendEmail({ id: jobId, to, subject, html, text }, { timeoutMs });
    if (result.ok) return;
    throw result.retryable
      ? new RetryableJobError(result.error)
      : new PermanentJobError(result.error);
  },
});
