import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintWorkflow, lintWorkflows } from "@/scripts/lib/workflow-lint";

/** `.ci/run` fails on a workflow GitHub would refuse: proven on broken copies of ours. */

const root = path.resolve(import.meta.dirname, "../..");
const file = ".github/workflows/ci.yml";
const ci = readFileSync(path.join(root, file), "utf8");

const messages = async (source: string) =>
  (await lintWorkflow(source, file)).map((p) => p.message).join("\n");

describe("GitHub Actions workflow lint", () => {
  it("finds no problem in the repository's workflows", async () => {
    expect(await lintWorkflows(root)).toEqual([]);
  });

  it("reports a job that needs a job that does not exist", async () => {
    const broken = ci.replace("  test:\n", "  test:\n    needs: [lint]\n");
    expect(broken).not.toBe(ci);
    expect(await messages(broken)).toMatch(/needs job "lint" which does not exist/);
  });

  it("reports an unknown key and a misspelt expression", async () => {
    const broken = ci
      .replace("timeout-minutes: 20", "timeout-minute: 20")
      .replace("${{ matrix.node }}", "${{ matrix.nodes }}");
    const found = await messages(broken);
    expect(found).toMatch(/unexpected key "timeout-minute"/);
    expect(found).toMatch(/property "nodes" is not defined/);
  });

  it("reports YAML that does not parse, with its line", async () => {
    const lines = ci.split("\n").length;
    const problems = await lintWorkflow(`${ci}\n  bad: [unclosed\n`, file);
    expect(problems.map((p) => p.message).join("\n")).toMatch(/syntax-check/);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(lines);
  });
});
