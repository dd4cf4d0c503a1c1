/**
 * Lighthouse (desktop preset) on the public pages a visitor lands on first: performance,
 * accessibility, best practices and SEO per page, and the audits that keep a score under 100.
 * Exits non-zero when performance, accessibility or best practices is below 100 on any page.
 *
 *   npm run bench:lighthouse                     # next build, then three runs per page
 *   BENCH_SKIP_BUILD=1 npm run bench:lighthouse  # reuse the last `next build`
 *   LIGHTHOUSE_RUNS=1 LIGHTHOUSE_PAGES=/pricing npm run bench:lighthouse
 *   LIGHTHOUSE_REPORTS=<dir> npm run bench:lighthouse  # also saves each run's full JSON report
 *
 * The production build runs on the embedded database with the demo seed, the way the e2e
 * server does (scripts/e2e-server.ts). Performance varies with the machine's load: each page
 * is measured LIGHTHOUSE_RUNS times and the best run counts, with the spread printed beside it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Result } from "lighthouse";
import { createDatabaseClient } from "@/lib/db/create-client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { blankedServices } from "../scripts/lib/blanked-services";

const PORT = Number(process.env.BENCH_PORT ?? 3291);
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PAGES = (process.env.LIGHTHOUSE_PAGES ?? "/,/pricing,/sign-in").split(",");
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const REPORTS = process.env.LIGHTHOUSE_REPORTS;
// SEO is reported, not required: it has no say in whether the page works for its visitors.
const REQUIRED = ["performance", "accessibility", "best-practices"] as const;
const CATEGORIES = [...REQUIRED, "seo"] as const;

const log = (line: string) => console.error(`[lighthouse] ${line}`);
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const APP_URL = `http://localhost:${PORT}`;
// As for the e2e server: no real Stripe, Resend, Redis, OAuth app or S3 from a .env file.
const blanked = blankedServices;

function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], {
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
}

async function build() {
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID")) {
    log("reusing the last next build");
    return;
  }
  log("building (BENCH_SKIP_BUILD=1 reuses the last build)");
  const child = runNext(["build"], { ...process.env, ...blanked, NEXT_TELEMETRY_DISABLED: "1" });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`next build exited with ${code}`);
}

async function startApp() {
  const database = await startEmbeddedDatabase();
  await applyMigrations(database.url);
  const client = createDatabaseClient(database.url, { poolSize: 2 });
  await seed(client);
  await client.$disconnect();
  const mailboxDir = await mkdtemp(path.join(os.tmpdir(), "keel-lighthouse-mailbox-"));
  const server = runNext(["start", "-p", String(PORT)], {
    ...process.env,
    ...blanked,
    NODE_ENV: "production",
    // Lifts the production guards so the embedded database and dev mailbox are allowed.
    KEEL_E2E: "1",
    KEEL_EMBEDDED_DB: "1",
    DATABASE_URL: database.url,
    APP_URL,
    KEEL_MAILBOX_DIR: mailboxDir,
    RATE_LIMIT_SINGLE_INSTANCE: "1",
    CRON_SECRET: randomBytes(24).toString("hex"),
    AUTH_SECRET: randomBytes(32).toString("base64"),
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    await database.stop();
    await rm(mailboxDir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.exitCode !== null) break;
    const ok = await fetch(`${APP_URL}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return { stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error("next start did not answer /api/health");
}

type Run = { scores: Record<string, number>; failing: string[] };

/** Audits that cost a required category points: id, title and what Lighthouse measured. */
function failingAudits(lhr: Result): string[] {
  const lines = new Set<string>();
  for (const id of REQUIRED) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const value = audit.displayValue ? ` (${audit.displayValue})` : "";
      lines.add(`${id}: ${audit.id} ${Math.round(audit.score * 100)}: ${audit.title}${value}`);
    }
  }
  return [...lines];
}

async function measure(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error" }, desktopConfig);
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [id, Math.round((result.lhr.categories[id]?.score ?? 0) * 100)]),
  );
  if (result.lhr.runtimeError) log(`${url}: ${result.lhr.runtimeError.message}`);
  if (REPORTS) {
    await mkdir(REPORTS, { recursive: true });
    const name = `${new URL(url).pathname.replace(/\W+/g, "_")}-${Date.now()}.json`;
    await writeFile(path.join(REPORTS, name), JSON.stringify(result.lhr, null, 2));
  }
  return { scores, failing: failingAudits(result.lhr) };
}

await build();
const app = await startApp();
let belowTarget = false;
try {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    // One unmeasured visit per page, so the first run does not pay for the server's cold start.
    for (const page of PAGES) await fetch(`${APP_URL}${page}`).then((r) => r.arrayBuffer());
    for (const page of PAGES) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(`${APP_URL}${page}`, chrome.port));
      const best = runs.reduce((a, b) => (b.scores.performance! > a.scores.performance! ? b : a));
      const spread = (id: string) => {
        const values = runs.map((run) => run.scores[id]!);
        const low = Math.min(...values);
        const high = Math.max(...values);
        return low === high ? "" : ` (${low}–${high})`;
      };
      console.log(`\n${page}  best of ${RUNS}`);
      for (const id of CATEGORIES)
        console.log(`  ${id.padEnd(15)} ${best.scores[id]}${spread(id)}`);
      for (const line of best.failing) console.log(`  - ${line}`);
      if (REQUIRED.some((id) => best.scores[id]! < 100)) belowTarget = true;
    }
  } finally {
    chrome.kill();
  }
} finally {
  await app.stop();
}
if (belowTarget) {
  console.log("\nBelow 100 in performance, accessibility or best practices.");
  process.exitCode = 1;
}
