import "server-only";

import { z } from "zod";
import { renderTemplate, type TemplateRequest } from "@/lib/email/templates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEnqueued } from "./request-scope";

/** The `kind` of outbox rows that are emails. */
export const EMAIL_KIND = "email";

/** What an email row carries: the message exactly as it will be sent. */
export const emailPayloadSchema = z.object({
  template: z.string(),
  to: z.string(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
});
export type EmailPayload = z.infer<typeof emailPayloadSchema>;

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
 * Queues an email, to be sent once `client`'s transaction commits; returns the
 * outbox row id. Pass the transaction that makes the change the email is about, so
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
  const id = await insertEmail(client, input);
  recordEnqueued(id);
  return id;
}

async function insertEmail(
  client: Prisma.TransactionClient,
  input: EnqueueEmailInput,
): Promise<string> {
  const to = recipientSchema.safeParse(input.to.trim());
  if (!to.success) throw new InvalidRecipientError();

  const rendered = renderTemplate(input);
  const payload: EmailPayload = { template: input.template, to: to.data, ...rendered };
  // Set here rather than by the database default, so `availableAt` and the times
  // the outbox compares it with all come from the same (application) clock.
  const data = { kind: EMAIL_KIND, payload, availableAt: new Date() };

  if (input.dedupeKey === undefined) {
    const row = await client.outboxMessage.create({ data, select: { id: true } });
    return row.id;
  }
  // INSERT … ON CONFLICT DO NOTHING: unlike catching a unique violation, it leaves
  // the caller's transaction usable, and a concurrent enqueue with the same key
  // waits for the other one instead of failing.
  const [created] = await client.outboxMessage.createManyAndReturn({
    data: [{ ...data, dedupeKey: input.dedupeKey }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (created) return created.id;
  const existing = await client.outboxMessage.findUniqueOrThrow({
    where: { dedupeKey: input.dedupeKey },
    select: { id: true },
  });
  return existing.id;
}
