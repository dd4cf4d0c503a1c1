import "server-only";

import { randomUUID } from "node:crypto";
import type { ApiKeyCaller } from "@/lib/api-keys/verify";
import { verifyApiKey } from "@/lib/api-keys/verify";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";
import { clientInfoFrom } from "@/lib/http/client-info";
import { runWithRequestContext, setContextOrganization } from "@/lib/observability/context";
import { logError } from "@/lib/observability/logger";
import { REQUEST_ID_HEADER } from "@/lib/observability/request-id";
import { consumeRateLimit, rateLimitPolicies } from "@/lib/rate-limit";
import { SUSPENDED_MESSAGE } from "@/lib/tenancy/suspension";
import { corsHeaders } from "./cors";
import {
  IDEMPOTENCY_KEY_MAX_LENGTH,
  requestHashOf,
  reserveIdempotencyKey,
  settleIdempotencyKey,
} from "./idempotency";
import { recordApiAnswer } from "@/lib/observability/metrics";
import { recordApiCall } from "@/lib/usage/record";
import { limitMessage } from "@/lib/billing/plans/upgrade";
import { problem, problemFromError } from "./problem";

export type ApiContext = {
  request: Request;
  caller: ApiKeyCaller;
  client: { ipAddress: string | null; userAgent: string | null };
  /** The parsed JSON body of a POST or PATCH (an object), else {}. */
  body: Record<string, unknown>;
  requestId: string;
};

type Segment<P> = { params: Promise<P> };
type ApiHandler<P> = (ctx: ApiContext, params: P) => Promise<Response>;

const MAX_BODY_BYTES = 64 * 1024;

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status });
}

function bearerOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

async function readBody(request: Request): Promise<Record<string, unknown> | null | "too_large"> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return "too_large";
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  const out = new Response(response.body, response);
  for (const [name, value] of Object.entries(headers)) out.headers.set(name, value);
  return out;
}

// The bearer key alone authenticates (cookies are never read), its organization is the tenant
// (never the Host); then plan (402), scope (403), rate limits (429), body, Idempotency-Key on POST.
// Every answer carries X-Request-Id and the CORS headers.
export function apiRoute<P = Record<string, string>>(scope: ApiKeyScope, handler: ApiHandler<P>) {
  return async (request: Request, segment?: Segment<P>): Promise<Response> => {
    const requestId = request.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
    const path = new URL(request.url).pathname;
    return runWithRequestContext({ route: `${request.method} ${path}`, requestId }, async () => {
      const common: Record<string, string> = { ...corsHeaders, [REQUEST_ID_HEADER]: requestId };
      const response = await handle(request, segment, scope, handler, requestId, path, common);
      return withHeaders(response, { ...common, "cache-control": "no-store" });
    });
  };
}

async function handle<P>(
  request: Request,
  segment: Segment<P> | undefined,
  scope: ApiKeyScope,
  handler: ApiHandler<P>,
  requestId: string,
  path: string,
  common: Record<string, string>,
): Promise<Response> {
  try {
    const secret = bearerOf(request);
    if (!secret) {
      return problem({
        status: 401,
        code: "unauthorized",
        detail: "Send an API key as `Authorization: Bearer <key>`.",
        requestId,
        headers: { "www-authenticate": 'Bearer realm="api"' },
      });
    }
    const client = clientInfoFrom(request.headers);
    const verdict = await verifyApiKey(secret, client.ipAddress);
    if (!verdict.ok && verdict.reason === "suspended") {
      return problem({
        status: 403,
        code: "organization_suspended",
        detail: SUSPENDED_MESSAGE,
        requestId,
      });
    }
    if (!verdict.ok) {
      return problem({
        status: 401,
        code: "invalid_api_key",
        detail:
          verdict.reason === "malformed"
            ? "This is not a valid API key: check that it was copied completely."
            : "This API key is not valid: it may have been revoked or have expired.",
        requestId,
        headers: { "www-authenticate": 'Bearer realm="api", error="invalid_token"' },
      });
    }
    const { caller } = verdict;
    setContextOrganization(caller.organization);
    if (!caller.plan.entitlements.api) {
      return problem({
        status: 402,
        code: "plan_required",
        detail: limitMessage(caller.plan, { kind: "feature", feature: "api" }).message,
        requestId,
      });
    }
    if (!caller.scopes.includes(scope)) {
      return problem({
        status: 403,
        code: "insufficient_scope",
        detail: `This API key lacks the ${scope} scope.`,
        requestId,
      });
    }

    const limits = await applyRateLimits(caller, requestId);
    if (limits instanceof Response) return limits;
    Object.assign(common, limits);

    let body: Record<string, unknown> = {};
    let rawBody = "";
    if (request.method === "POST" || request.method === "PATCH") {
      rawBody = await request.clone().text();
      const parsed = await readBody(request);
      if (parsed === "too_large" || parsed === null) {
        return problem({
          status: 400,
          code: "invalid_json",
          detail:
            parsed === null
              ? "The body must be a JSON object."
              : "The body is too large: send at most 64 KB.",
          requestId,
        });
      }
      body = parsed;
    }
    const params = segment ? await segment.params : ({} as P);
    const ctx: ApiContext = { request, caller, client, body, requestId };
    const owner = { organizationId: caller.organization.id, apiKeyId: caller.keyId };

    const idempotencyKey =
      request.method === "POST" ? request.headers.get("idempotency-key") : null;
    if (idempotencyKey === null)
      return await finish(await handler(ctx, params), owner, caller.plan.id);
    if (idempotencyKey.length === 0 || idempotencyKey.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
      return problem({
        status: 400,
        code: "invalid_request",
        detail: `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters.`,
        requestId,
      });
    }
    const reservation = await reserveIdempotencyKey(
      owner,
      idempotencyKey,
      requestHashOf(request.method, path, rawBody),
    );
    if (reservation.kind === "replay") {
      return new Response(reservation.body, {
        status: reservation.status,
        headers: { "content-type": "application/json", "idempotency-replayed": "true" },
      });
    }
    if (reservation.kind === "mismatch") {
      return problem({
        status: 422,
        code: "idempotency_key_reused",
        detail: "This Idempotency-Key was already used with a different request.",
        requestId,
      });
    }
    if (reservation.kind === "in_progress") {
      return problem({
        status: 409,
        code: "idempotency_key_in_use",
        detail: "A request with this Idempotency-Key is still running. Retry shortly.",
        requestId,
      });
    }
    let response: Response | null = null;
    try {
      response = await handler(ctx, params);
    } finally {
      const ok = response !== null && response.status >= 200 && response.status < 300;
      const stored =
        ok && response ? { status: response.status, body: await response.clone().text() } : null;
      await settleIdempotencyKey(owner, reservation.id, stored);
    }
    return await finish(response, owner, caller.plan.id);
  } catch (error) {
    const expected = problemFromError(error, requestId);
    if (expected) return expected;
    logError("api request failed", error);
    return problem({
      status: 500,
      code: "internal_error",
      detail: "Something went wrong on our side. Quote the request id if you contact support.",
      requestId,
    });
  }
}

async function finish(
  response: Response,
  owner: { organizationId: string; apiKeyId: string },
  plan: string,
): Promise<Response> {
  recordApiAnswer(plan, response.status);
  if (response.status >= 200 && response.status < 300) recordApiCall(owner);
  return response;
}

async function applyRateLimits(
  caller: ApiKeyCaller,
  requestId: string,
): Promise<Record<string, string> | Response> {
  const perKey = await consumeRateLimit("apiKey", caller.keyId);
  const perOrganization = perKey.ok
    ? await consumeRateLimit("apiOrganization", caller.organization.id)
    : perKey;
  const keyWindow = rateLimitPolicies.apiKey;
  if (!perKey.ok || !perOrganization.ok) {
    const refusal = !perKey.ok ? perKey : perOrganization;
    if (refusal.ok) throw new Error("unreachable");
    const retryAfter = String(Math.max(1, Math.ceil(refusal.retryAfterSeconds)));
    const limited = refusal.reason === "limited";
    return problem({
      status: limited ? 429 : 503,
      code: limited ? "rate_limited" : "unavailable",
      detail: limited
        ? `Too many requests. Retry in ${retryAfter} seconds.`
        : "Rate limiting is unavailable right now. Retry shortly.",
      requestId,
      headers: {
        "retry-after": retryAfter,
        "ratelimit-limit": String(
          !perKey.ok ? keyWindow.limit : rateLimitPolicies.apiOrganization.limit,
        ),
        "ratelimit-remaining": "0",
        "ratelimit-reset": retryAfter,
      },
    });
  }
  const keyRemaining = perKey.remaining;
  const orgRemaining = perOrganization.remaining;
  // The tighter of the two limits is the one the client should pace itself by.
  const byKey = keyRemaining <= orgRemaining;
  return {
    "ratelimit-limit": String(byKey ? keyWindow.limit : rateLimitPolicies.apiOrganization.limit),
    "ratelimit-remaining": String(Math.min(keyRemaining, orgRemaining)),
    "ratelimit-reset": String(keyWindow.windowSeconds),
  };
}
