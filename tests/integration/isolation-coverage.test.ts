import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({}) }));

/**
 * The isolation matrix is generated from the code: every `memberAction("<label>", ...)`
 * in lib/ and app/ and every route handler under app/api must be in the matrix (or, for
 * routes, on the short list of routes that serve no organization). A new action or route
 * that nobody added to the matrix fails here.
 */

const root = path.resolve(import.meta.dirname, "../..");

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

async function memberActionLabels(): Promise<string[]> {
  const labels: string[] = [];
  for (const file of [...(await sourceFiles("lib")), ...(await sourceFiles("app"))]) {
    if (file === "lib/actions/chain.ts" || file.startsWith("lib/generated/")) continue;
    const text = await readFile(path.join(root, file), "utf8");
    for (const match of text.matchAll(/memberAction\(\s*"([^"]+)"/g)) labels.push(match[1]!);
  }
  return labels.sort();
}

/** Route handlers that belong to no organization, and why. */
export const routesOutsideOrganizations: Record<string, string> = {
  "app/api/account": "the signed-in user's own account (sign-in, sign-up, export...)",
  "app/api/auth": "Auth.js (OAuth sign-in)",
  "app/api/cron": "scheduled jobs, authenticated by CRON_SECRET",
  "app/api/health": "liveness and dependency status, no data",
  "app/api/theme": "the visitor's light or dark choice, a cookie of their own, no data",
  "app/api/v1/openapi.json": "the public description of /api/v1, the same for everyone, no data",
  "app/api/metrics":
    "process-wide Prometheus counters behind METRICS_TOKEN, no organization labels (tests/integration/metrics.test.ts)",
  "app/api/webhooks":
    "signed provider callbacks: the organization comes from our own Stripe customer ids (tests/integration/billing-webhooks.test.ts)",
};

describe("isolation matrix coverage", () => {
  it("has a case for every member action in the code", async () => {
    const { operations } = await import("./isolation/operations");
    const covered = new Set(operations.map((op) => op.name));
    const labels = await memberActionLabels();
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((label) => !covered.has(label))).toEqual([]);
  });

  it("has a case for every route handler that serves an organization", async () => {
    const { operations, routeFiles } = await import("./isolation/operations");
    const routes = (await sourceFiles("app/api")).filter((f) => /\/route\.tsx?$/.test(f));
    const outside = Object.keys(routesOutsideOrganizations);
    const uncovered = routes.filter(
      (file) => !outside.some((prefix) => file.startsWith(`${prefix}/`)) && !(file in routeFiles),
    );
    expect(uncovered).toEqual([]);
    // And each listed route is really exercised by operations of the matrix.
    const names = new Set(operations.map((op) => op.name));
    for (const [file, handled] of Object.entries(routeFiles)) {
      expect(routes).toContain(file);
      for (const name of handled) expect(names.has(name), `${file}: ${name}`).toBe(true);
    }
  });
});
