import "server-only";

import { databaseUnavailableResponse } from "@/lib/db/unavailable";
import { clientInfoFrom } from "@/lib/http/client-info";
import {
  badRequest,
  forbiddenOrigin,
  isSameOriginRequest,
  readJsonObject,
} from "@/lib/http/same-origin";
import { rateLimitResponse } from "@/lib/rate-limit/response";
import type { RequestContext } from "./context";

/**
 * The shared shell of the account API routes: same-origin check, JSON object body,
 * request context, and the mapping of a refused or limited outcome to its response.
 */
export async function accountApi(
  request: Request,
  handle: (body: Record<string, unknown>, ctx: RequestContext) => Promise<Response>,
): Promise<Response> {
  if (!isSameOriginRequest(request)) return forbiddenOrigin();
  const body = await readJsonObject(request);
  if (!body) return badRequest();
  try {
    return await handle(body, clientInfoFrom(request.headers));
  } catch (error) {
    // A database that does not answer is a 503 to retry, not a 500.
    const unavailable = databaseUnavailableResponse(error);
    if (unavailable) return unavailable;
    throw error;
  }
}

export { badRequest, rateLimitResponse };
