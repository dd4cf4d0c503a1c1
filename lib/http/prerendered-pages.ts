import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The pages `next build` prerendered (the landing page, the not-found page, ...) and the
 * hashes of the inline scripts in each, read once from the build's output. Their HTML is
 * one file for every visitor, so it cannot carry a per-request nonce: the CSP allows
 * exactly these scripts instead (lib/http/security-headers.ts).
 *
 * Read from `.next` in the working directory, where `next start` and the standalone
 * server run. Nothing is found in development (`next dev` renders every page per
 * request, so every page gets a nonce) or before a build.
 */

export type PrerenderedPages = {
  /** Route → `'sha256-…'` of each inline script of its HTML. */
  routes: ReadonlyMap<string, readonly string[]>;
  /** Pages Next serves for any path: the not-found and the global error page. */
  fallbackHashes: readonly string[];
};

const FALLBACK_ROUTES = ["/_not-found", "/_global-error"];

/** `'sha256-…'` sources for the inline (src-less) scripts of an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const body = match[1] ?? "";
    if (body === "") continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

function readPages(distDir: string): PrerenderedPages {
  const routes = new Map<string, readonly string[]>();
  let manifest: { routes?: Record<string, unknown> };
  try {
    manifest = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8"));
  } catch {
    return { routes, fallbackHashes: [] };
  }
  for (const route of Object.keys(manifest.routes ?? {})) {
    const file = path.join(distDir, "server", "app", `${route === "/" ? "/index" : route}.html`);
    try {
      routes.set(route, inlineScriptHashes(readFileSync(file, "utf8")));
    } catch {
      // A route without prerendered HTML (a route handler, a metadata file): nothing to allow.
    }
  }
  const fallbackHashes = [...new Set(FALLBACK_ROUTES.flatMap((route) => routes.get(route) ?? []))];
  return { routes, fallbackHashes };
}

let cached: PrerenderedPages | undefined;

/** The build's prerendered pages, read on first use and kept for the process's lifetime. */
export function prerenderedPages(): PrerenderedPages {
  cached ??= readPages(path.join(process.cwd(), ".next"));
  return cached;
}
