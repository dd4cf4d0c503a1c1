import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inlineScriptHashes } from "@/lib/http/prerendered-pages";
import { assembleRunner } from "./lib/standalone-layout";

/**
 * The container's server without Docker: lays out the files the Dockerfile's final stage
 * copies from the last `KEEL_STANDALONE=1 npm run build`, migrates a scratch database on the
 * given PostgreSQL with `npm run db:migrate` (the image's separate migration run), starts
 * `node server.js` there in production mode, and checks what a deploy relies on:
 * /api/health answers 200, the landing and pricing pages' inline scripts are allowed by the CSP's hashes
 * (read from the build next to the server), and static and public files are served.
 *
 *   npx tsx scripts/standalone-check.ts [postgresql://postgres@127.0.0.1:5432/postgres]
 */

const READY_WITHIN_MS = 60_000;
const MIGRATE_WITHIN_MS = 180_000;
const REQUEST_WITHIN_MS = 10_000;

const root = process.cwd();
const server = process.argv[2] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = `keel_standalone_${Date.now()}_${process.pid}`;
const databaseUrl = Object.assign(new URL(server), { pathname: `/${database}` }).toString();
const log = (message: string) => console.log(`[standalone] ${message}`);

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(REQUEST_WITHIN_MS) });

async function waitForHealth(base: string, exited: () => boolean): Promise<void> {
  const started = Date.now();
  let last = "no answer";
  while (Date.now() - started < READY_WITHIN_MS) {
    if (exited()) throw new Error("the server exited before answering");
    try {
      const response = await get(`${base}/api/health`);
      if (response.status === 200) {
        log(`/api/health answered 200 after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return;
      }
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`/api/health did not answer 200 within ${READY_WITHIN_MS / 1000} s (${last})`);
}

// The landing page (Pages Router, no JavaScript) and a prerendered App Router page, whose
// inline scripts only the build's manifest beside server.js lets the CSP allow.
const checkedPages = [
  { path: "/", asset: /\/_next\/static\/[^"'\s]+\.css/ },
  { path: "/pricing", asset: /\/_next\/static\/[^"'\s]+\.js/ },
];

async function checkPages(base: string): Promise<void> {
  for (const page of checkedPages) {
    const response = await get(`${base}${page.path}`);
    if (response.status !== 200) throw new Error(`GET ${page.path} answered ${response.status}`);
    const html = await response.text();
    const csp = response.headers.get("content-security-policy") ?? "";
    const hashes = inlineScriptHashes(html);
    const missing = hashes.filter((hash) => !csp.includes(hash));
    if (hashes.length === 0 || missing.length > 0) {
      throw new Error(
        `GET ${page.path}: ${hashes.length} inline scripts, ${missing.length} not allowed by the CSP (are .next/prerender-manifest.json and the pages' HTML beside server.js?)`,
      );
    }
    const asset = page.asset.exec(html)?.[0];
    if (!asset) throw new Error(`GET ${page.path}: no ${page.asset.source} in the page`);
    for (const file of [asset, "/favicon.svg"]) {
      const served = await get(`${base}${file}`);
      if (served.status !== 200) throw new Error(`GET ${file} answered ${served.status}`);
    }
    log(`${page.path} allows its ${hashes.length} inline scripts by hash; ${asset} served`);
  }
}

const app = mkdtempSync(path.join(os.tmpdir(), "standalone-check-"));
let child: ReturnType<typeof spawn> | undefined;
let output = "";
let status = 1;
try {
  assembleRunner(root, readFileSync(path.join(root, "Dockerfile"), "utf8"), app);
  await admin(`CREATE DATABASE ${database}`);
  const migrate = spawnSync("npm", ["run", "db:migrate"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DIRECT_URL: "" },
    encoding: "utf8",
    timeout: MIGRATE_WITHIN_MS,
  });
  if (migrate.status !== 0) {
    throw new Error(`npm run db:migrate failed:\n${migrate.stdout}${migrate.stderr}`);
  }
  log(`migrated ${database}`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Only what the container is given: nothing of this shell's configuration leaks in.
  child = spawn(process.execPath, ["server.js"], {
    cwd: app,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      APP_URL: `http://localhost:${port}`,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      CRON_SECRET: randomBytes(24).toString("hex"),
      RESEND_API_KEY: "re_standalone_check",
      EMAIL_FROM: "noreply@example.com",
      RATE_LIMIT_SINGLE_INSTANCE: "1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let exited = false;
  child.on("exit", () => (exited = true));
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  await waitForHealth(base, () => exited);
  await checkPages(base);
  status = 0;
} catch (error) {
  console.error(`[standalone] ${error instanceof Error ? error.message : String(error)}`);
  if (output) console.error(`[standalone] server output:\n${output}`);
} finally {
  if (child && child.exitCode === null) {
    const gone = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child?.kill("SIGKILL"), 10_000);
    await gone;
    clearTimeout(timer);
  }
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch((error: unknown) =>
    console.error(`[standalone] could not drop ${database}: ${String(error)}`),
  );
  rmSync(app, { recursive: true, force: true });
}
process.exit(status);
