import "server-only";

import { env } from "@/lib/env";
import { sendToDevMailbox } from "./dev-mailbox";
import type { EmailMessage, SendOptions, SendResult } from "./message";
import { sendWithResend } from "./resend-transport";

/**
 * Sends one rendered email through the configured transport: Resend when
 * RESEND_API_KEY is set, the dev mailbox otherwise. Never throws for delivery
 * problems; the result says whether a retry can help. Product code does not call
 * this directly: it enqueues with `enqueueEmail` and the outbox calls this.
 */
export async function sendEmail(message: EmailMessage, options?: SendOptions): Promise<SendResult> {
  return env.mailTransport === "resend"
    ? sendWithResend(message, options)
    : sendToDevMailbox(message);
}

export { listDevMailbox, type DevMailboxMessage } from "./dev-mailbox";
export type { EmailMessage, SendOptions, SendResult } from "./message";
