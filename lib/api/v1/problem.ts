import { brand } from "@/brand.config";
import { RETRY_AFTER_SECONDS, TENANT_MOVING_MESSAGE, isTenantMoving } from "@/lib/db/unavailable";
import { ExpectedError, RetryLaterError } from "@/lib/errors";

// RFC 9457 problem details: one shape for every /api/v1 error, with a stable machine code.

export type ProblemCode =
  | "invalid_request"
  | "invalid_json"
  | "unauthorized"
  | "invalid_api_key"
  | "plan_required"
  | "read_only"
  | "forbidden"
  | "insufficient_scope"
  | "organization_suspended"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "idempotency_key_reused"
  | "idempotency_key_in_use"
  | "validation_failed"
  | "rate_limited"
  | "unavailable"
  | "internal_error";

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export type ProblemInit = {
  status: number;
  code: ProblemCode;
  detail: string;
  requestId: string;
  headers?: HeadersInit;
  errors?: Record<string, string>;
};

export function problem({ status, code, detail, requestId, headers, errors }: ProblemInit) {
  const body = {
    type: `${brand.url}/problems/${code.replace(/_/g, "-")}`,
    title: titles[status] ?? "Error",
    status,
    detail,
    code,
    requestId,
    ...(errors ? { errors } : {}),
  };
  const responseHeaders = new Headers(headers);
  responseHeaders.set("content-type", "application/problem+json");
  return new Response(JSON.stringify(body), { status, headers: responseHeaders });
}

function codeOf(error: ExpectedError): ProblemCode {
  if (error.code === "plan_limit") return "plan_required";
  if (error.code === "read_only") return "read_only";
  switch (error.status) {
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 422:
      return "validation_failed";
    case 429:
      return "rate_limited";
    case 503:
      return "unavailable";
    default:
      return "invalid_request";
  }
}

/** An expected error from the data layer as a problem; anything else is the caller's to log. */
export function problemFromError(error: unknown, requestId: string): Response | null {
  if (isTenantMoving(error))
    return problem({
      status: 503,
      code: "unavailable",
      detail: TENANT_MOVING_MESSAGE,
      requestId,
      headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
    });
  if (!(error instanceof ExpectedError)) return null;
  const headers: Record<string, string> = {};
  if (error instanceof RetryLaterError) headers["retry-after"] = String(error.retryAfterSeconds);
  const fieldErrors = (error as { fieldErrors?: Record<string, string> }).fieldErrors;
  return problem({
    status: error.status,
    code: codeOf(error),
    detail: error.message,
    requestId,
    headers,
    ...(fieldErrors ? { errors: fieldErrors } : {}),
  });
}
