/** One email as the transports send it: already rendered, with a stable id. */
export type EmailMessage = {
  /**
   * Stable across retries (the outbox row id). Transports use it to de-duplicate:
   * Resend as the idempotency key, the dev mailbox as the file name.
   */
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
};

export type SendResult =
  | { ok: true }
  /** `error` is short and safe to store; `retryable` says whether trying again can help. */
  | { ok: false; error: string; retryable: boolean };

export type SendOptions = {
  /** Give up on one send after this long (it counts as a retryable failure). */
  timeoutMs?: number;
};

export const DEFAULT_SEND_TIMEOUT_MS = 10_000;
