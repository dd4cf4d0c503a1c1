import "server-only";

import { env } from "@/lib/env";
import { sendToDevMailbox } from "./dev-mailbox";
import type { EmailMessage, SendOptions, SendResult } from "./message";
import { sendWithResend } from "./resend-transport";

// Never throws for delivery problems. Product code enqueues with `enqueueEmail` instead.
export async function sendEmail(message: EmailMessage, options?: SendOptions): Promise<SendResult> {
  return env.mailTransport === "resend"
    ? sendWithResend(message, options)
    : sendToDevMailbox(message);
}

export {
  clearDevMailbox,
  listDevMailbox,
  readDevMailboxMessage,
  readDevMailboxPage,
  type DevMailboxListing,
  type DevMailboxMessage,
  type DevMailboxPage,
} from "./dev-mailbox";
export type { EmailMessage, SendOptions, SendResult } from "./message";
