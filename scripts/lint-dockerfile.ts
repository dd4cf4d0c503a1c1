import { readFileSync } from "node:fs";
import { lintDockerfile } from "./lib/dockerfile-lint";

/** `.ci/run`'s check of the Dockerfile (scripts/lib/dockerfile-lint.ts): fails on any problem. */

const file = process.argv[2] ?? "Dockerfile";
const problems = lintDockerfile(readFileSync(file, "utf8"));
for (const p of problems) console.error(`${file}:${p.line}: ${p.message}`);
if (problems.length > 0) process.exit(1);
console.log(`${file}: no problems`);
