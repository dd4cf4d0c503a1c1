import "server-only";

import { z } from "zod";
import { renderTemplate, type TemplateRequest } from "@/lib/email/templates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { emailJob, emailPayloadSchema, type EmailPayload } from "@/lib/jobs/kinds/email";

/** The `kind` of jobs that are emails. */
export const EMAIL_KIND = emailJob.kind;
export { emailPayloadSchema, type EmailPayload };

const recipientSchema = z.email().max(254);

export type EnqueueEmailInput = TemplateRequest & {
  to: string;
  /**
   * Makes enqueueing idempotent: while a row with this key exists, enqueueing again
   * does nothing and returns that row's id (e.g. `welcome:<userId>`).
   */
  dedupeKey?: string;
};

export class InvalidRecipientError extends Error {
  constructor() {
    super("The recipient is not a valid email address.");
    this.name = "InvalidRecipientError";
  }
}

/**
 * Queues an email (a job of kind "email"), to be sent once `client`'s transaction
 * commits; returns the job id. Pass the transaction that makes the change the email is about, so
 * both are committed or neither is: a rolled-back sign-up sends no welcome email,
 * and a committed one cannot lose it. The template is rendered now, so the stored
 * payload is exactly what will be sent, however many retries it takes.
 *
 * Nothing is sent here: the request's scope (lib/outbox/after-response.ts) delivers the
 * row after the response, once committed; the cron route sends whatever that misses.
 */
export async function enqueueEmail(
  client: Prisma.TransactionClient,
  input: EnqueueEmailInput,
): Promise<string> {
  const to = recipientSchema.safeParse(input.to.trim());
  if (!to.success) throw new InvalidRecipientError();

  const rendered = renderTemplate(input);
  const payload: EmailPayload = { template: input.template, to: to.data, ...rendered };
  return enqueueJob(
    client,
    "email",
    payload,
    input.dedupeKey === undefined ? {} : { dedupeKey: input.dedupeKey },
  );
}
