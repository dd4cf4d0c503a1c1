import { env } from "@/lib/env";

// Browsers always send Origin on cross-origin POSTs, so a missing one is refused too.
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const app = new URL(env.appUrl);
  if (url.protocol !== app.protocol) return false;
  const host = url.host.toLowerCase();
  const root = env.rootDomain;
  return host === app.host.toLowerCase() || host === root || host.endsWith(`.${root}`);
}

export function forbiddenOrigin(): Response {
  return Response.json({ error: "Cross-origin requests are not allowed." }, { status: 403 });
}

export async function readJsonObject(
  request: Request,
): Promise<Record<string, unknown> | undefined> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return undefined;
  }
  try {
    const body: unknown = await request.json();
    return typeof body === "object" && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function badRequest(fieldErrors?: Record<string, string>): Response {
  return Response.json(
    { error: "The request is not valid.", ...(fieldErrors ? { fieldErrors } : {}) },
    { status: 400 },
  );
}
