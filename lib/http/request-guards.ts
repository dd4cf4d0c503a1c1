/**
 * Requests refused before any route runs (proxy.ts), with a clear status instead of the
 * 500 they used to reach. Pure, so the proxy and the tests share it.
 */

/** The methods some page, action or route handler answers; anything else gets 405. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * The largest server-action body accepted (Next's own default, 1 MB). next.config.ts
 * passes the same number to Next, so the two limits cannot drift apart.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** 405 for TRACE, CONNECT and other methods nothing here answers. */
export function refuseMethod(method: string): Response | null {
  if (ALLOWED_METHODS.includes(method.toUpperCase())) return null;
  return Response.json(
    { error: "This method is not allowed." },
    { status: 405, headers: { allow: ALLOWED_METHODS.join(", ") } },
  );
}

/**
 * 413 for a server-action POST that announces a body over the limit. Next would refuse it
 * too, but as a 500 with an opaque digest; here the caller learns what went wrong.
 * (Browsers always send Content-Length with a form or fetch body.)
 */
export function refuseOversizedAction(headers: Headers): Response | null {
  if (!headers.has("next-action")) return null;
  const length = Number(headers.get("content-length") ?? "0");
  if (!Number.isFinite(length) || length <= SERVER_ACTION_BODY_LIMIT_BYTES) return null;
  const megabytes = SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024);
  return Response.json(
    { error: `The form is too large: send at most ${megabytes} MB.` },
    { status: 413 },
  );
}
