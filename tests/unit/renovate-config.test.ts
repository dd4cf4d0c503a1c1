import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * renovate.json, read the way Renovate applies it: package rules in order, later ones
 * overriding earlier ones. Only the matchers the file uses are modelled; one it does not
 * know fails the test rather than being ignored.
 */

const root = path.resolve(import.meta.dirname, "../..");
type Rule = {
  matchPackageNames?: string[];
  matchDepTypes?: string[];
  matchUpdateTypes?: string[];
  matchManagers?: string[];
  groupName?: string;
  automerge?: boolean;
  enabled?: boolean;
  [key: string]: unknown;
};
const config = JSON.parse(readFileSync(path.join(root, "renovate.json"), "utf8")) as {
  automerge?: boolean;
  rangeStrategy?: string;
  schedule?: string[];
  lockFileMaintenance?: { enabled?: boolean; automerge?: boolean };
  packageRules: Rule[];
};
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

type Update = {
  name: string;
  depType: "dependencies" | "devDependencies";
  updateType: "major" | "minor" | "patch";
};

const KNOWN = new Set(["matchPackageNames", "matchDepTypes", "matchUpdateTypes", "matchManagers"]);

function globMatches(pattern: string, name: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*?/g, ".*");
  return new RegExp(`^${regex}$`).test(name);
}

function effective(update: Update) {
  let result: { automerge: boolean; groupName?: string; enabled: boolean } = {
    automerge: config.automerge ?? false,
    enabled: true,
  };
  for (const rule of config.packageRules) {
    const matchers = Object.keys(rule).filter((key) => key.startsWith("match"));
    for (const key of matchers) if (!KNOWN.has(key)) throw new Error(`unmodelled matcher ${key}`);
    // Rules for other managers (Dockerfile, compose) never match an npm package.
    if (rule.matchManagers && !rule.matchManagers.includes("npm")) continue;
    if (rule.matchPackageNames && !rule.matchPackageNames.some((p) => globMatches(p, update.name)))
      continue;
    if (rule.matchDepTypes && !rule.matchDepTypes.includes(update.depType)) continue;
    if (rule.matchUpdateTypes && !rule.matchUpdateTypes.includes(update.updateType)) continue;
    result = {
      automerge: rule.automerge ?? result.automerge,
      groupName: rule.groupName ?? result.groupName,
      enabled: rule.enabled ?? result.enabled,
    };
  }
  return result;
}

const updates: Update[] = (["dependencies", "devDependencies"] as const).flatMap((depType) =>
  Object.keys(pkg[depType]).flatMap((name) =>
    (["major", "minor", "patch"] as const).map((updateType) => ({ name, depType, updateType })),
  ),
);

describe("renovate.json", () => {
  it("pins exact versions, on a schedule, with lock file maintenance that never merges itself", () => {
    expect(config.rangeStrategy).toBe("pin");
    expect(config.schedule?.length).toBeGreaterThan(0);
    expect(config.lockFileMaintenance).toMatchObject({ enabled: true, automerge: false });
  });

  it("never merges a major upgrade, nor any update of a runtime dependency, by itself", () => {
    const merging = updates.filter((u) => effective(u).automerge);
    expect(merging.filter((u) => u.updateType !== "patch")).toEqual([]);
    expect(merging.filter((u) => u.depType === "dependencies")).toEqual([]);
  });

  it("merges only patch releases of ungrouped dev tooling by itself", () => {
    expect(
      effective({ name: "prettier", depType: "devDependencies", updateType: "patch" }),
    ).toEqual({ automerge: true, enabled: true, groupName: undefined });
    expect(effective({ name: "prisma", depType: "devDependencies", updateType: "patch" })).toEqual({
      automerge: false,
      enabled: true,
      groupName: "Prisma",
    });
  });

  it("upgrades the packages that move together in one pull request", () => {
    const groups: Record<string, string[]> = {
      "Next.js and React": [
        "next",
        "@next/env",
        "react",
        "react-dom",
        "@types/react",
        "@types/react-dom",
        "eslint-config-next",
      ],
      Prisma: ["prisma", "@prisma/client", "@prisma/adapter-pg", "@prisma/instrumentation"],
      "Auth.js": ["next-auth", "@auth/prisma-adapter"],
      Stripe: ["stripe"],
      Upstash: ["@upstash/redis", "@upstash/ratelimit", "@upstash/qstash"],
    };
    for (const [group, names] of Object.entries(groups)) {
      for (const name of names) {
        const depType = name in pkg.dependencies ? "dependencies" : "devDependencies";
        expect(name in pkg[depType], `${name} is a dependency`).toBe(true);
        for (const updateType of ["major", "minor", "patch"] as const) {
          expect(effective({ name, depType, updateType }).groupName, name).toBe(group);
        }
      }
    }
  });

  it("leaves @types/node on the major of the oldest supported Node", () => {
    expect(
      effective({ name: "@types/node", depType: "devDependencies", updateType: "major" }).enabled,
    ).toBe(false);
  });
});
