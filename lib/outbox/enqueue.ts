import "server-only";

import { z } from "zod";
import { renderTemplate, type TemplateRequest } from "@/lib/email/templates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { emailJob, emailPayloadSchema, type EmailPayload } from "@/lib/jobs/kinds/email";

export const EMAIL_KIND = emailJob.kind;
export { emailPayloadSchema, type EmailPayload };

const recipientSchema = z.email().max(254);

export type EnqueueEmailInput = TemplateRequest & {
  to: string;
  dedupeKey?: string;
};

export class InvalidRecipientError extends Error {
  constructor() {
    super("The recipient is not a valid email address.");
    this.name = "InvalidRecipientError";
  }
}

// In the change's transaction: sent if and only if it commits. Rendered now: retries send the same.
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
