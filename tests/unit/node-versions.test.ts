import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * One Node story across the repository: package.json's engines names the oldest supported
 * major, @types/node describes that one (so code cannot use an API it lacks), CI tests it and
 * the newest, and the container runs the newest CI tests.
 */

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const pkg = JSON.parse(read("package.json")) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const workflow = parse(read(".github/workflows/ci.yml")) as {
  jobs: Record<string, { strategy?: { matrix: { node: number[] } }; steps: { with?: object }[] }>;
};

const major = (version: string) => Number(/(\d+)/.exec(version)?.[1]);
const oldest = major(pkg.engines.node);
const tested = workflow.jobs.checks?.strategy?.matrix.node ?? [];
const imageMajor = major(/^ARG NODE_IMAGE=node:(\d+)/m.exec(read("Dockerfile"))?.[1] ?? "");
const setupNodeVersions = Object.values(workflow.jobs).flatMap((job) =>
  job.steps.flatMap((step) => {
    const version = (step.with as { "node-version"?: unknown } | undefined)?.["node-version"];
    return typeof version === "number" ? [version] : [];
  }),
);

describe("Node versions", () => {
  it("are a minimum in engines that @types/node matches", () => {
    expect(pkg.engines.node).toMatch(/^>=\d+\.\d+$/);
    expect(major(pkg.devDependencies["@types/node"] ?? "")).toBe(oldest);
  });

  it("are tested in CI from the oldest supported to the one the image runs", () => {
    expect(Math.min(...tested)).toBe(oldest);
    expect(Math.max(...tested)).toBe(imageMajor);
    expect(setupNodeVersions).toEqual([imageMajor]);
  });
});
