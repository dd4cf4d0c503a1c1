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

// Pass the transaction that makes the change: a rolled-back sign-up sends no welcome email and a
// committed one cannot lose it. Rendered now, so every retry sends exactly the stored payload.
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
