import type { z } from "zod";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  RETRY_AFTER_SECONDS,
  TENANT_MOVING_MESSAGE,
  isDatabaseUnavailable,
  isTenantMoving,
} from "@/lib/db/unavailable";
import {
  BadRequestError,
  ExpectedError,
  FieldError,
  PlanLimitError,
  RetryLaterError,
  type ErrorCode,
} from "@/lib/errors";
import { reportError } from "@/lib/observability/errors";
import { logger } from "@/lib/observability/logger";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      status: number;
      fieldErrors?: Record<string, string>;
      code?: ErrorCode;
      /** A plan limit a higher plan lifts: "link" to billing for those who manage it, else "ask". */
      upgrade?: UpgradePath;
      retryAfterSeconds?: number;
    };

export type UpgradePath = "link" | "ask";

function upgradePathOf(error: PlanLimitError): UpgradePath | undefined {
  if (!error.upgradeTo) return undefined;
  return error.canManageBilling ? "link" : "ask";
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fieldErrors[key] ??= "This field is not accepted.";
      continue;
    }
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

export function invalidInput(error: z.ZodError): ActionResult<never> {
  return {
    ok: false,
    error: "Check the highlighted fields.",
    status: 422,
    fieldErrors: fieldErrorsOf(error),
  };
}

export function failure(error: unknown, context: Record<string, unknown>): ActionResult<never> {
  if (error instanceof FieldError || error instanceof BadRequestError)
    return {
      ok: false,
      error: error.message,
      status: error.status,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    };
  if (error instanceof RetryLaterError)
    return {
      ok: false,
      error: error.message,
      status: error.status,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  if (error instanceof PlanLimitError) {
    const upgrade = upgradePathOf(error);
    return {
      ok: false,
      error: error.message,
      status: error.status,
      code: error.code,
      ...(upgrade ? { upgrade } : {}),
    };
  }
  if (error instanceof ExpectedError)
    return {
      ok: false,
      error: error.message,
      status: error.status,
      ...(error.code ? { code: error.code } : {}),
    };
  // Expected and brief: the organization's data is moving (README, "Moving an organization").
  if (isTenantMoving(error))
    return {
      ok: false,
      error: TENANT_MOVING_MESSAGE,
      status: 503,
      code: "tenant_moving",
      retryAfterSeconds: RETRY_AFTER_SECONDS,
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
