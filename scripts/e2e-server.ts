import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createDatabaseClient, type Database } from "@/lib/db/create-client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { e2eMetricsFixturePrefix } from "../tests/e2e/support/database";
import { seedMetricsFixture } from "../tests/support/metrics-fixture";
import { blankedServices } from "./lib/blanked-services";
import { startDevStripe } from "./lib/dev-stripe";
import { appOrigins, startLocalS3 } from "./lib/local-s3";

/**
 * The server of the end-to-end suite (playwright.config.ts starts it): the
 * production build on an in-memory embedded database and a fresh dev mailbox, so
 * every run starts from the same seeded state and needs no external service.
 * Set E2E_SKIP_BUILD=1 to reuse the last `next build`.
 */

const PORT = Number(process.env.E2E_PORT || 3100);
// A made-up root domain that Chromium maps to loopback (playwright.config.ts), so the
// session cookie can be shared by organization subdomains the way it is in production.
const APP_URL = `http://keel.test:${PORT}`;
const log = (message: string) => console.log(`[e2e] ${message}`);
// The next binary run by this Node directly: signals reach it without npx and a shell in between.
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

// The suite must not reach a developer's real Stripe, Resend, Redis, OAuth apps or S3.
const blanked = blankedServices;

function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
}

if (process.env.E2E_SKIP_BUILD !== "1") {
  log("building (set E2E_SKIP_BUILD=1 to reuse the last build)");
  const build = runNext(["build"], { ...process.env, ...blanked, NEXT_TELEMETRY_DISABLED: "1" });
  const code = await new Promise<number | null>((resolve) => build.on("exit", resolve));
  if (code !== 0) process.exit(code ?? 1);
}

const database = await startEmbeddedDatabase();
const mailboxDir = await mkdtemp(path.join(os.tmpdir(), "keel-e2e-mailbox-"));
await applyMigrations(database.url);
// Where the specs find the database for what no page may do (`npm run staff`): tests/e2e/support/database.ts.
const databaseUrlFile = path.join(os.tmpdir(), `keel-e2e-${PORT}.database-url`);
await writeFile(databaseUrlFile, database.url);

// Emails are rendered when they are queued: links in the seeded ones must point at this server.
process.env.APP_URL = APP_URL;
// Imported at run time: the seed is optional, and only called when it exports `seed(db)`.
const { seed } = (await import("../prisma/seed")) as { seed?: (db: Database) => Promise<void> };
if (typeof seed === "function") {
  const client = createDatabaseClient(database.url, { poolSize: 2 });
  await seed(client);
  await client.$disconnect();
  log("database migrated and seeded");
} else {
  log("database migrated (prisma/seed.ts exports no seed function)");
}
// The operator console's metrics fixture (tests/support/metrics-fixture.ts), ending last month so
// what the other specs do today never changes its numbers; loaded before the app starts, so no
// request shares the embedded database's one session with it.
{
  const client = createDatabaseClient(database.url, { poolSize: 1, role: null });
  await seedMetricsFixture(client, { organizationPrefix: e2eMetricsFixturePrefix });
  await client.$disconnect();
}

// The Stripe emulator, in memory: the billing specs upgrade through its checkout page.
const stripe = await startDevStripe({
  appPort: PORT,
  port: Number(process.env.E2E_STRIPE_PORT || PORT + 11),
  log: (line) => log(`stripe: ${line}`),
});
log(`Stripe emulator on ${stripe.emulator.url}`);

// The local S3 server, in a fresh folder: the upload specs send files to it from the browser.
const s3Dir = await mkdtemp(path.join(os.tmpdir(), "keel-e2e-s3-"));
const s3 = await startLocalS3({
  port: Number(process.env.E2E_S3_PORT || PORT + 12),
  directory: s3Dir,
  allowedOrigins: appOrigins(APP_URL),
});
log(`local S3 on ${s3.url}`);

const cronSecret = randomBytes(24).toString("hex");
const server = runNext(["start", "-p", String(PORT)], {
  ...process.env,
  ...blanked,
  NODE_ENV: "production",
  KEEL_E2E: "1",
  KEEL_EMBEDDED_DB: "1",
  DATABASE_URL: database.url,
  APP_URL,
  KEEL_MAILBOX_DIR: mailboxDir,
  // The suite plays the one proxy in front of the app: each test sends its own client
  // address as the last x-forwarded-for entry, so tests never share a per-IP budget.
  TRUSTED_PROXY: "1",
  VERCEL: "",
  // One `next start` process: counting rate limits in its memory is exact.
  RATE_LIMIT_SINGLE_INSTANCE: "1",
  ...stripe.env,
  ...s3.env,
  // Production mode needs these; fresh ones per run, so none is ever reused.
  CRON_SECRET: cronSecret,
  AUTH_SECRET: randomBytes(32).toString("base64"),
  NEXT_TELEMETRY_DISABLED: "1",
});

/**
 * Once the server answers, drains the outbox through the cron route, the way the
 * scheduler does in production: the seeded welcome email reaches the mailbox, and
 * the suite exercises the route with its real secret.
 */
async function drainSeededOutbox() {
  const base = `http://127.0.0.1:${PORT}`;
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.exitCode !== null) return;
    const health = await fetch(`${base}/api/health`).catch(() => undefined);
    if (health?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const response = await fetch(`${base}/api/cron/outbox`, {
    method: "POST",
    headers: { authorization: `Bearer ${cronSecret}` },
  });
  log(`outbox drained: ${response.status} ${await response.text()}`);
}
void drainSeededOutbox().catch((error: unknown) => log(`outbox drain failed: ${String(error)}`));

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await stripe.emulator.stop();
  await s3.stop();
  await database.stop();
  await rm(s3Dir, { recursive: true, force: true });
  await rm(mailboxDir, { recursive: true, force: true });
  await rm(databaseUrlFile, { force: true });
  process.exit(code);
}

// The server exits first, so the database is not pulled from under a request in flight.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
    else void stop(0);
  });
}
server.on("exit", (code, signal) => void stop(code ?? (signal ? 0 : 1)));
