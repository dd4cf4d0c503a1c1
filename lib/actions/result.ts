import type { z } from "zod";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ExpectedError, FieldError, type ErrorCode } from "./errors";
import { reportError } from "@/lib/observability/errors";
import { logger } from "@/lib/observability/logger";

/** What every action returns: typed data, or a message (and field messages) for the user. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      status: number;
      fieldErrors?: Record<string, string>;
      code?: ErrorCode;
    };

export function invalidInput(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fieldErrors[key] ??= "This field is not accepted.";
      continue;
    }
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, error: "Check the highlighted fields.", status: 422, fieldErrors };
}

/**
 * Expected errors keep their message; a database that is unavailable is a 503 to retry;
 * anything else is logged and reported generically.
 */
export function failure(error: unknown, context: Record<string, unknown>): ActionResult<never> {
  if (error instanceof FieldError)
    return {
      ok: false,
      error: error.message,
      status: error.status,
      fieldErrors: error.fieldErrors,
    };
  if (error instanceof ExpectedError)
    return {
      ok: false,
      error: error.message,
      status: error.status,
      ...(error.code ? { code: error.code } : {}),
    };
  if (isDatabaseUnavailable(error)) {
    // It passes, and the pool recovers by itself: a 503 to retry, not a 500 to report.
    logger.error({ ...context, err: error }, "[action] database unavailable");
    return { ok: false, error: DATABASE_UNAVAILABLE_MESSAGE, status: 503 };
  }
  logger.error({ ...context, err: error }, "[action] unexpected error");
  reportError(error, context);
  return { ok: false, error: "Something went wrong on our side. Please try again.", status: 500 };
}
