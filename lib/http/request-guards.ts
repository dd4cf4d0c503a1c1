export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

// next.config.ts passes this same number to Next, so the two limits cannot drift apart.
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export function refuseMethod(method: string): Response | null {
  if (ALLOWED_METHODS.includes(method.toUpperCase())) return null;
  return Response.json(
    { error: "This method is not allowed." },
    { status: 405, headers: { allow: ALLOWED_METHODS.join(", ") } },
  );
}

// Next would refuse it too, but as a 500 with an opaque digest.
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
