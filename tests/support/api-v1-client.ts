/// <reference types="vite/client" />
import createClient from "openapi-fetch";
import type { paths } from "@/lib/api/openapi/v1";

// The typed client of the README, sent to the route modules under app/api/v1 in process (no
// server), found the way Next.js finds them: by their folders.

type RouteModule = Record<string, unknown>;
type Handler = (
  request: Request,
  segment: { params: Promise<Record<string, string>> },
) => Response | Promise<Response>;

const routeModules = import.meta.glob<RouteModule>("/app/api/v1/**/route.ts");

const routes = Object.keys(routeModules).map((file) => {
  const segments = file
    .replace(/^\/app/, "")
    .replace(/\/route\.ts$/, "")
    .split("/")
    .slice(1);
  return { file, segments };
});

function match(pathname: string) {
  const parts = pathname.split("/").slice(1);
  for (const { file, segments } of routes) {
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = segments.every((segment, index) => {
      const part = decodeURIComponent(parts[index]!);
      const dynamic = /^\[(.+)\]$/.exec(segment);
      if (dynamic) params[dynamic[1]!] = part;
      return dynamic !== null || segment === part;
    });
    if (matches) return { file, params };
  }
  return undefined;
}

/** `fetch` for app/api/v1: 404 for a path no route folder serves, 405 for a method it lacks. */
export async function v1Fetch(input: Request | string | URL, init?: RequestInit) {
  const request = new Request(input, init);
  const found = match(new URL(request.url).pathname);
  if (!found) return new Response(null, { status: 404 });
  const routeModule = await routeModules[found.file]!();
  const handler = routeModule[request.method] as Handler | undefined;
  if (typeof handler !== "function") return new Response(null, { status: 405 });
  return handler(request, { params: Promise.resolve(found.params) });
}

export const API_ORIGIN = "http://localhost:3000";

/** An openapi-fetch client typed by lib/api/openapi/v1.d.ts, optionally with a key. */
export function apiClient(key?: string) {
  return createClient<paths>({
    baseUrl: API_ORIGIN,
    fetch: (request: Request) => v1Fetch(request),
    headers: {
      "x-real-ip": "203.0.113.20",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
  });
}
