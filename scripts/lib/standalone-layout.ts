import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { finalStage } from "./dockerfile-lint";

/**
 * The runtime image's files, laid out without Docker: the final stage's `COPY --from=build`
 * lines, read from the Dockerfile itself, applied to this checkout's build. So the check of
 * the standalone server (scripts/standalone-check.ts) runs what the image would hold, and a
 * file the Dockerfile forgets to copy fails here too.
 */

export type RunnerCopy = { line: number; source: string; destination: string };

/** Build-stage paths are absolute under /app; runner destinations are relative to /app. */
const WORKDIR = "/app";

export function runnerCopies(dockerfile: string): RunnerCopy[] {
  const copies: RunnerCopy[] = [];
  for (const instruction of finalStage(dockerfile)) {
    if (instruction.keyword !== "COPY") continue;
    const words = instruction.args.split(/\s+/).filter(Boolean);
    const flags = words.filter((w) => w.startsWith("--"));
    const paths = words.filter((w) => !w.startsWith("--"));
    const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
    const destination = paths.pop();
    if (from !== "build" || !destination || paths.length === 0) {
      throw new Error(
        `Dockerfile line ${instruction.line}: expected COPY --from=build <src> <dest>`,
      );
    }
    for (const source of paths) {
      if (!source.startsWith(`${WORKDIR}/`)) {
        throw new Error(`Dockerfile line ${instruction.line}: ${source} is not under ${WORKDIR}`);
      }
      copies.push({ line: instruction.line, source, destination });
    }
  }
  if (copies.length === 0)
    throw new Error("the Dockerfile's final stage copies nothing from build");
  return copies;
}

/** Copies, as Docker would, each source of the checkout at `root` into `target`. */
export function assembleRunner(root: string, dockerfile: string, target: string): void {
  for (const { line, source, destination } of runnerCopies(dockerfile)) {
    const from = path.join(root, path.relative(WORKDIR, source));
    if (!existsSync(from)) {
      throw new Error(
        `Dockerfile line ${line}: ${path.relative(root, from)} is missing (build with KEEL_STANDALONE=1 first)`,
      );
    }
    // A directory's contents go into the destination, as with COPY.
    cpSync(from, path.resolve(target, destination), { recursive: true, verbatimSymlinks: true });
  }
}
