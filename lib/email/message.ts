export type EmailMessage = {
  /** Stable across retries: Resend's idempotency key and the dev mailbox's file name. */
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
};

export type SendResult =
  | { ok: true }
  /** `error` is short and safe to store. */
  | { ok: false; error: string; retryable: boolean };

export type SendOptions = {
  timeoutMs?: number;
};

export const DEFAULT_SEND_TIMEOUT_MS = 10_000;
