import "server-only";

import { Resend, type ErrorResponse } from "resend";
import { env } from "@/lib/env";
import {
  DEFAULT_SEND_TIMEOUT_MS,
  type EmailMessage,
  type SendOptions,
  type SendResult,
} from "./message";

let client: Resend | undefined;

function resendClient(apiKey: string): Resend {
  client ??= new Resend(apiKey, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : {});
  return client;
}

// Errors about the message itself fail the same way again; everything else can succeed later.
const permanentErrors = new Set<ErrorResponse["name"]>([
  "validation_error",
  "invalid_parameter",
  "missing_required_field",
  "invalid_attachment",
  "invalid_idempotency_key",
  "invalid_idempotent_request",
  "not_found",
  "method_not_allowed",
]);

// The message id is the idempotency key: a retry after a timed-out but accepted send is not
// delivered twice.
export async function sendWithResend(
  message: EmailMessage,
  { timeoutMs = DEFAULT_SEND_TIMEOUT_MS }: SendOptions = {},
): Promise<SendResult> {
  if (!env.RESEND_API_KEY) {
    return { ok: false, error: "RESEND_API_KEY is not set", retryable: true };
  }
  const signal = AbortSignal.timeout(timeoutMs);
  const { error } = await resendClient(env.RESEND_API_KEY).emails.send(
    {
      from: env.emailFrom,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
    },
    { idempotencyKey: message.id, signal },
  );
  if (!error) return { ok: true };
  if (signal.aborted) {
    return { ok: false, error: `Resend did not answer within ${timeoutMs} ms`, retryable: true };
  }
  const status = error.statusCode ?? "network";
  return {
    ok: false,
    error: `Resend ${status} ${error.name}: ${error.message}`,
    retryable: !permanentErrors.has(error.name),
  };
}
