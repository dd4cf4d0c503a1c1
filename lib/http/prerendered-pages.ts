import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

// Shared prerendered HTML cannot carry a nonce, so the CSP allows its inline scripts by hash.

export type PrerenderedPages = {
  routes: ReadonlyMap<string, readonly string[]>;
  fallbackHashes: readonly string[];
};

const FALLBACK_ROUTES = ["/_not-found", "/_global-error"];

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
      // A route handler or metadata file has no HTML.
    }
  }
  const fallbackHashes = [...new Set(FALLBACK_ROUTES.flatMap((route) => routes.get(route) ?? []))];
  return { routes, fallbackHashes };
}

let cached: PrerenderedPages | undefined;

export function prerenderedPages(): PrerenderedPages {
  cached ??= readPages(path.join(process.cwd(), ".next"));
  return cached;
}
