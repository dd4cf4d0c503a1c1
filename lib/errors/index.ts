/**
 * An error whose message is written for the user (a refused permission, a missing
 * resource, a broken rule). Anything else thrown inside an action is unexpected: it is
 * logged with its context and the user sees a generic message, never the error text.
 */
export class ExpectedError extends Error {
  /** A machine-readable reason the UI can act on (e.g. show an upgrade prompt). */
  readonly code?: ErrorCode;
  constructor(
    message: string,
    readonly status: 400 | 401 | 402 | 403 | 404 | 409 | 422 | 429 | 503 = 400,
  ) {
    super(message);
    this.name = "ExpectedError";
  }
}

export type ErrorCode = "plan_limit" | "read_only" | "reauthentication_required";

/**
 * The organization's plan does not include this, or its limit is reached: 402, and the
 * UI offers an upgrade. Thrown by lib/billing/entitlements.ts.
 */
export class PlanLimitError extends ExpectedError {
  override readonly code: ErrorCode = "plan_limit";
  constructor(message: string) {
    super(message, 402);
    this.name = "PlanLimitError";
  }
}

/** Payment is overdue past the grace period: the organization is read-only until it is paid. */
export class ReadOnlyError extends ExpectedError {
  override readonly code: ErrorCode = "read_only";
  constructor(message: string) {
    super(message, 402);
    this.name = "ReadOnlyError";
  }
}

/** A provider we depend on (Stripe) did not answer: nothing was changed, try again. */
export class ProviderUnavailableError extends ExpectedError {
  constructor(message: string) {
    super(message, 503);
    this.name = "ProviderUnavailableError";
  }
}

export const notSignedIn = () => new ExpectedError("Sign in to continue.", 401);
export const forbidden = () => new ExpectedError("You do not have permission to do that.", 403);
export const notFound = (what = "That item") =>
  new ExpectedError(`${what} could not be found.`, 404);

/** An expected error about one field of the input, shown next to that field. */
export class FieldError extends ExpectedError {
  readonly fieldErrors: Record<string, string>;
  constructor(field: string, message: string, status: 409 | 422 = 422) {
    super(message, status);
    this.name = "FieldError";
    this.fieldErrors = { [field]: message };
  }
}

/**
 * Refused for now, with a time to come back: a rate limit reached (429), or a store or
 * the instance too busy to serve it (503). Answered with Retry-After.
 */
export class RetryLaterError extends ExpectedError {
  constructor(
    message: string,
    status: 429 | 503,
    readonly retryAfterSeconds: number,
  ) {
    super(message, status);
    this.name = "RetryLaterError";
  }
}

/** The input as a whole is not acceptable (a JSON API's 400), with messages per field. */
export class BadRequestError extends ExpectedError {
  constructor(readonly fieldErrors?: Record<string, string>) {
    super("The request is not valid.", 400);
    this.name = "BadRequestError";
  }
}
