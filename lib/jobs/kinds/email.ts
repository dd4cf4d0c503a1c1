import "server-only";

import { z } from "zod";
import { sendEmail } from "@/lib/email/transport";
import { retryPolicy } from "../backoff";
import { defineJob, PermanentJobError, RetryableJobError } from "../define";

export const emailPayloadSchema = z.object({
  template: z.string(),
  to: z.string(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
});
export type EmailPayload = z.infer<typeof emailPayloadSchema>;

// The job id is the provider's idempotency key: a retried send it accepted is not delivered twice.
export const emailJob = defineJob({
  kind: "email",
  payload: emailPayloadSchema,
  maxAttempts: retryPolicy.maxAttempts,
  concurrency: 50,
  handler: async ({ to, subject, html, text }, { jobId, timeoutMs }) => {
    const result = await sendEmail({ id: jobId, to, subject, html, text }, { timeoutMs });
    if (result.ok) return;
    throw result.retryable
      ? new RetryableJobError(result.error)
      : new PermanentJobError(result.error);
  },
});
