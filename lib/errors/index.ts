// Only these messages reach the user; anything else thrown is logged and shown generically.
export class ExpectedError extends Error {
  readonly code?: ErrorCode;
  constructor(
    message: string,
    readonly status: 400 | 401 | 402 | 403 | 404 | 409 | 422 | 429 | 503 = 400,
  ) {
    super(message);
    this.name = "ExpectedError";
  }
}

export type ErrorCode = "plan_limit" | "read_only" | "reauthentication_required" | "tenant_moving";

export class PlanLimitError extends ExpectedError {
  override readonly code: ErrorCode = "plan_limit";
  readonly upgradeTo: string | null;
  /** Set by the action chain, which knows the caller's role: may they open the billing page? */
  canManageBilling: boolean | undefined;
  constructor(message: string, { upgradeTo = null }: { upgradeTo?: string | null } = {}) {
    super(message, 402);
    this.name = "PlanLimitError";
    this.upgradeTo = upgradeTo;
  }
}

export class ReadOnlyError extends ExpectedError {
  override readonly code: ErrorCode = "read_only";
  constructor(message: string) {
    super(message, 402);
    this.name = "ReadOnlyError";
  }
}

// Nothing was changed, so the user may simply try again.
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

export class FieldError extends ExpectedError {
  readonly fieldErrors: Record<string, string>;
  constructor(field: string, message: string, status: 409 | 422 = 422) {
    super(message, status);
    this.name = "FieldError";
    this.fieldErrors = { [field]: message };
  }
}

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

export class BadRequestError extends ExpectedError {
  constructor(readonly fieldErrors?: Record<string, string>) {
    super("The request is not valid.", 400);
    this.name = "BadRequestError";
  }
}
