import { validate, ValidationSeverity } from "dockerfile-utils";

/**
 * The Dockerfile's checks, without Docker: dockerfile-utils' validator (the one behind the
 * VS Code Docker extension: syntax, flags, arguments, every warning treated as an error), and
 * what we promise of the image that runs in production, its final stage: an unprivileged
 * user, a HEALTHCHECK, and no migration on start (README, "Self-hosting with Docker").
 */

export type DockerfileProblem = { line: number; message: string };

const strict = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

export type Instruction = { line: number; keyword: string; args: string };

/** Instructions with their continuation lines joined, comments dropped. */
export function instructions(source: string): Instruction[] {
  const result: Instruction[] = [];
  let current: Instruction | undefined;
  source.split("\n").forEach((raw, index) => {
    const text = raw.trim();
    if (!current && (text === "" || text.startsWith("#"))) return;
    if (current) {
      if (!text.startsWith("#")) current.args += ` ${text.replace(/\\$/, "").trim()}`;
    } else {
      const [keyword = "", ...rest] = text.split(/\s+/);
      current = {
        line: index + 1,
        keyword: keyword.toUpperCase(),
        args: rest.join(" ").replace(/\\$/, ""),
      };
    }
    if (!text.endsWith("\\")) {
      result.push(current);
      current = undefined;
    }
  });
  if (current) result.push(current);
  return result;
}

/** The instructions of the last stage, the image that runs, from its FROM on. */
export function finalStage(source: string): Instruction[] {
  const all = instructions(source);
  const lastFrom = all.map((i) => i.keyword).lastIndexOf("FROM");
  return lastFrom === -1 ? [] : all.slice(lastFrom);
}

function finalStageProblems(source: string): DockerfileProblem[] {
  const stage = finalStage(source);
  if (stage.length === 0) return [{ line: 1, message: "no FROM instruction" }];
  const start = stage[0]?.line ?? 1;
  const problems: DockerfileProblem[] = [];

  const user = stage.filter((i) => i.keyword === "USER").at(-1);
  if (!user || /^(root|0)(:|$)/.test(user.args.trim())) {
    problems.push({
      line: user?.line ?? start,
      message: "the final stage must run as an unprivileged USER",
    });
  }
  if (!stage.some((i) => i.keyword === "HEALTHCHECK" && !/^NONE$/i.test(i.args.trim()))) {
    problems.push({ line: start, message: "the final stage must declare a HEALTHCHECK" });
  }
  for (const i of stage) {
    if ((i.keyword === "CMD" || i.keyword === "ENTRYPOINT") && /migrate|db:push/.test(i.args)) {
      problems.push({
        line: i.line,
        message: "the server must not migrate on start: migrations are a separate run",
      });
    }
  }
  return problems;
}

export function lintDockerfile(source: string): DockerfileProblem[] {
  const syntax = validate(source, strict).map((d) => ({
    line: d.range.start.line + 1,
    message: typeof d.message === "string" ? d.message : d.message.value,
  }));
  return [...syntax, ...finalStageProblems(source)].sort((a, b) => a.line - b.line);
}
