import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ownPath, specifiers } from "@/scripts/import-graph";

// pages/index.tsx is served without JavaScript (unstable_runtimeJS: false): whatever it renders
// must work as HTML alone. A client component, a hook or an event handler would render and then
// never run, with no error anywhere, so the landing page's own module graph is checked instead.

const root = path.resolve(import.meta.dirname, "../..");
const entry = path.join(root, "pages/index.tsx");

function resolveImport(from: string, specifier: string): string | null {
  const base = ownPath(from, specifier);
  // A package (next/head, next/link, react) renders on the server alone.
  if (!base) return null;
  const file = [`${base}.tsx`, `${base}.ts`, path.join(base, "index.ts")].find(existsSync);
  if (!file) throw new Error(`${path.relative(root, from)}: cannot resolve ${specifier}`);
  return file;
}

function landingModules(): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.set(file, readFileSync(file, "utf8"));
    // Type-only imports are erased: they bring no code to the page.
    for (const specifier of specifiers(file, { typeOnly: false })) {
      const target = resolveImport(file, specifier);
      if (target) queue.push(target);
    }
  }
  return seen;
}

const needsJavaScript: [string, RegExp][] = [
  ["a client component", /^\s*["']use client["']/m],
  [
    "a React hook",
    /\buse(State|Effect|LayoutEffect|Reducer|Ref|Transition|ActionState|Optimistic|Router|Pathname|SearchParams|Params)\s*\(/,
  ],
  ["an event handler", /\son[A-Z][A-Za-z]*=\{/],
];

describe("the landing page works without JavaScript", () => {
  const modules = landingModules();

  it("follows the page into its sections and the site's header and footer", () => {
    const files = [...modules.keys()].map((file) => path.relative(root, file));
    for (const expected of [
      "components/landing/hero.tsx",
      "components/landing/features-section.tsx",
      "components/shell/site-header.tsx",
      "components/shell/mobile-nav.tsx",
      "components/ui/button.tsx",
    ]) {
      expect(files).toContain(expected);
    }
  });

  it("renders nothing that needs a script to respond", () => {
    const found: string[] = [];
    for (const [file, source] of modules) {
      for (const [what, pattern] of needsJavaScript) {
        if (pattern.test(source)) found.push(`${path.relative(root, file)}: ${what}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("asks Next.js for no JavaScript on the page", () => {
    expect(modules.get(entry)).toMatch(/unstable_runtimeJS:\s*false/);
  });
});
