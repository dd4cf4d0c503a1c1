import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * Production builds of two versions of the app side by side, for before/after benchmarks:
 * a baseline commit checked out in a temporary git worktree, and a copy of the current
 * working tree (uncommitted changes included). Both reuse this checkout's node_modules
 * through hard links, so neither needs an install. Everything is removed by `cleanup`.
 */

export type Build = { label: string; dir: string };

const repo = path.resolve(import.meta.dirname, "../..");
const log = (line: string) => console.error(`[bench] ${line}`);

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  execFileSync(command, args, {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env },
  });
}

async function linkNodeModules(dir: string) {
  run("cp", ["-al", path.join(repo, "node_modules"), path.join(dir, "node_modules")], repo);
}

/**
 * BENCH_KEEP=1 leaves the builds in place and prints where; BENCH_REUSE=<that folder>
 * runs on them again without building (for repeated runs while tuning a bench).
 * A null baseline builds the working tree alone; `prepare` edits a copy before its build.
 */
export async function prepareBuilds(
  baseline: string | null,
  { prepare }: { prepare?: (dir: string) => Promise<void> } = {},
): Promise<{ builds: Build[]; cleanup: () => Promise<void> }> {
  const reuse = process.env.BENCH_REUSE;
  const root = reuse ?? (await mkdtemp(path.join(os.tmpdir(), "keel-bench-")));
  const oldDir = path.join(root, "old");
  const newDir = path.join(root, "new");
  const builds = [
    ...(baseline === null ? [] : [{ label: `old (${baseline})`, dir: oldDir }]),
    { label: "new (working tree)", dir: newDir },
  ];
  if (reuse) return { builds, cleanup: async () => {} };
  const cleanup = async () => {
    if (process.env.BENCH_KEEP === "1") {
      log(`builds kept: BENCH_REUSE=${root}; remove with git worktree remove --force ${oldDir}`);
      return;
    }
    try {
      run("git", ["worktree", "remove", "--force", oldDir], repo);
    } catch {
      // Not created yet.
    }
    await rm(root, { recursive: true, force: true });
    run("git", ["worktree", "prune"], repo);
  };
  try {
    if (baseline !== null) run("git", ["worktree", "add", "--detach", oldDir, baseline], repo);
    const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], {
      cwd: repo,
    })
      .toString()
      .split("\0")
      .filter((file) => file && !file.startsWith("node_modules/"));
    run("mkdir", ["-p", newDir], repo);
    execFileSync("rsync", ["-a", "--from0", "--files-from=-", "./", newDir], {
      cwd: repo,
      input: files.join("\0"),
    });
    for (const build of builds) {
      await linkNodeModules(build.dir);
      await prepare?.(build.dir);
      log(`building ${build.label}`);
      run("npx", ["prisma", "generate"], build.dir);
      run("npx", ["next", "build"], build.dir, { NEXT_TELEMETRY_DISABLED: "1" });
    }
    return { builds, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export type Server = { url: string; port: number; stop: () => Promise<void> };

/** `next start` of a build on `databaseUrl`, answering once /api/health does. */
export async function startServer(
  build: Build,
  port: number,
  databaseUrl: string,
): Promise<Server> {
  const nextBin = path.join(build.dir, "node_modules/next/dist/bin/next");
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    cwd: build.dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      APP_URL: `http://localhost:${port}`,
      ROOT_DOMAIN: `localhost:${port}`,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      CRON_SECRET: randomBytes(24).toString("hex"),
      RESEND_API_KEY: "re_bench_unused",
      RESEND_BASE_URL: "http://127.0.0.1:9/",
      EMAIL_FROM: "Keel <bench@localhost>",
      RATE_LIMIT_SINGLE_INSTANCE: "1",
      TRUSTED_PROXY: "",
      UPSTASH_REDIS_REST_URL: "",
      UPSTASH_REDIS_REST_TOKEN: "",
      STRIPE_SECRET_KEY: "",
      STRIPE_WEBHOOK_SECRET: "",
      STRIPE_API_BASE: "",
      KEEL_EMBEDDED_DB: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  };
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`${build.label}: next start exited (${child.exitCode})`);
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.status < 500)
      .catch(() => false);
    if (ok) return { url, port, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`${build.label}: no answer from next start`);
}
