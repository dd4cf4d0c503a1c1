/**
 * Errors raised while handling an API request, rendered in Stripe's error shape
 * (`{ error: { type, message, code?, param? } }`) so the SDK maps them to its own
 * error classes (StripeInvalidRequestError, StripeAuthenticationError, ...).
 */

export type StripeErrorType =
  "invalid_request_error" | "authentication_error" | "api_error" | "idempotency_error";

export type StripeErrorBody = {
  error: { type: StripeErrorType; message: string; code?: string; param?: string };
};

export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }

  body(): StripeErrorBody {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code } : {}),
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

export function invalidRequest(message: string, param?: string): EmulatorError {
  return new EmulatorError(
    400,
    "invalid_request_error",
    message,
    param ? "parameter_invalid" : undefined,
    param,
  );
}

export function missingParam(param: string): EmulatorError {
  return new EmulatorError(
    400,
    "invalid_request_error",
    `Missing required param: ${param}.`,
    "parameter_missing",
    param,
  );
}

export function resourceMissing(kind: string, id: string, param = "id"): EmulatorError {
  return new EmulatorError(
    404,
    "invalid_request_error",
    `No such ${kind}: '${id}'`,
    "resource_missing",
    param,
  );
}

export function unknownRoute(method: string, path: string): EmulatorError {
  return new EmulatorError(
    404,
    "invalid_request_error",
    `Unrecognized request URL (${method}: ${path}). The Stripe emulator implements only the endpoints the app uses.`,
  );
}
