import { lintWorkflows } from "./lib/workflow-lint";

/** `.ci/run`'s check of .github/workflows: prints each problem and fails on any. */

const problems = await lintWorkflows(process.cwd());
for (const p of problems) console.error(`${p.file}:${p.line}:${p.column}: ${p.message}`);
if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in the GitHub Actions workflows`);
  process.exit(1);
}
console.log("GitHub Actions workflows: no problems");
