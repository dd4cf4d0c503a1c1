import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
// @next/env is CommonJS without named exports Node can detect: import the whole module.
import nextEnv from "@next/env";
import { brand } from "@/brand.config";
import { createDatabaseClient } from "@/lib/db/create-client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations, tenantMigrationsDir } from "@/lib/db/migrate";
import {
  formatTenantMigrationReport,
  migrateTenantDatabases,
} from "@/lib/db/tenant-databases/migrate-all";
import { startDevDatabase } from "./lib/dev-database";
import { persistentDevSecret } from "./lib/dev-secret";
import { startDevStripe, type DevStripe } from "./lib/dev-stripe";
import { appOrigins, startLocalS3, type LocalS3 } from "./lib/local-s3";
import { pipeRedacted } from "./lib/redacted-output";

const { loadEnvConfig } = nextEnv;

/**
 * `npm run dev`: brings up whatever local defaults the environment leaves unset,
 * then starts `next dev` with them.
 *
 * - No DATABASE_URL: an embedded PostgreSQL persisted in .keel/pglite, migrated
 *   and seeded with demo data (idempotent). With DATABASE_URL: pending migrations only.
 * - No AUTH_SECRET: a random one kept in .keel/auth-secret, so sessions and 2FA secrets
 *   survive restarts.
 * - No CRON_SECRET: a random one. Either way this process calls the job queue's cron route
 *   every 30 s, so retries, delayed jobs and retention run locally as the scheduler runs
 *   them in production.
 * - No STRIPE_SECRET_KEY: the local Stripe emulator (scripts/stripe-emulator) with the app's
 *   plans synced into it, delivering signed webhooks to this server; its state is kept
 *   in .keel/stripe-emulator.json. Its controls (failed renewal, trial end) are at its
 *   own address, printed below.
 * - No S3_BUCKET: a local S3 server (s3rver) on loopback with its bucket, files kept in .keel/s3,
 *   open to uploads from this app and its organizations' subdomains (README, "File uploads").
 * - KEEL_DEMO_DEDICATED=1 (embedded only): a second embedded database on the next free port
 *   (data in .keel/pglite-dedicated), migrated with prisma/tenant/migrations, registered as
 *   "demo-dedicated", with the demo organization moved into it (README, "Moving an organization").
 */

const log = (message: string) => console.log(`\x1b[36m[${brand.fileSlug}]\x1b[0m ${message}`);
const port = Number(process.env.PORT ?? 3000);

loadEnvConfig(process.cwd(), true);

const embedded = process.env.DATABASE_URL ? undefined : await startDevDatabase();
if (embedded) {
  process.env.DATABASE_URL = embedded.url;
  process.env.KEEL_EMBEDDED_DB = "1";
  log(`embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in .keel/pglite)`);
}
const databaseUrl = process.env.DATABASE_URL!;

// Migrations hold a session-level advisory lock: past a transaction pooler, straight to PostgreSQL.
const migrationUrl = embedded ? databaseUrl : process.env.DIRECT_URL || databaseUrl;
const { applied } = await applyMigrations(migrationUrl, {
  log: (line) => log(line),
});
log(applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");

// Registered tenant databases (none by default) get their migrations too; their URLs are
// sealed with AUTH_SECRET, settled here rather than later for that reason.
process.env.AUTH_SECRET ||= await persistentDevSecret();
const tenantOutcomes = await migrateTenantDatabases(migrationUrl, {
  secret: process.env.AUTH_SECRET,
  log: (line) => log(line),
});
if (tenantOutcomes.length) log(`tenant databases:\n${formatTenantMigrationReport(tenantOutcomes)}`);
if (tenantOutcomes.some((o) => !o.ok)) {
  log(
    "some tenant databases were not migrated: their organizations' pages will fail until they are",
  );
}

if (embedded) {
  const { seed } = await import("../prisma/seed");
  const client = createDatabaseClient(databaseUrl, { poolSize: 2 });
  await seed(client);
  await client.$disconnect();
  log("demo data ready: organization acme, ada@acme.test (owner), grace@acme.test (member)");
}

// Links in emails and the same-origin checks follow the port this server listens on.
process.env.APP_URL ||= `http://localhost:${port}`;
process.env.CRON_SECRET ??= randomBytes(24).toString("hex");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

// A demo dedicated tenant. Once its folder exists it is started on every run: the demo
// organization lives there until moved back (npm run tenant:move -- acme --to pool).
const dedicatedDir = path.join(process.cwd(), ".keel", "pglite-dedicated");
const dedicated =
  embedded && (process.env.KEEL_DEMO_DEDICATED === "1" || existsSync(dedicatedDir))
    ? await startEmbeddedDatabase({ dataDir: dedicatedDir, port: embedded.port + 100 })
    : undefined;
if (dedicated) {
  await applyMigrations(dedicated.url, { dir: tenantMigrationsDir });
  log(
    `demo dedicated tenant database on 127.0.0.1:${dedicated.port} (data in .keel/pglite-dedicated)`,
  );
  // A child process: lib/env reads AUTH_SECRET when first imported, and this one's was unset then.
  const demo = spawn(
    process.execPath,
    [
      createRequire(import.meta.url).resolve("tsx/cli"),
      "--conditions=react-server",
      "scripts/dedicated-demo.ts",
      dedicated.url,
    ],
    { stdio: ["ignore", "pipe", "inherit"], env: process.env },
  );
  demo.stdout.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().trimEnd().split("\n")) log(line);
  });
  const code = await new Promise<number | null>((resolve) => demo.on("exit", resolve));
  if (code !== 0) log("the demo dedicated tenant could not be set up (see above)");
}

let localS3: LocalS3 | undefined;
if (!process.env.S3_BUCKET) {
  localS3 = await startLocalS3({
    port: Number(process.env.S3_LOCAL_PORT || 4569),
    directory: path.join(process.cwd(), ".keel", "s3"),
    allowedOrigins: appOrigins(process.env.APP_URL ?? `http://localhost:${port}`),
  });
  Object.assign(process.env, localS3.env);
  log(`local S3 on ${localS3.url} (bucket "${localS3.env.S3_BUCKET}", files in .keel/s3)`);
}

let devStripe: DevStripe | undefined;
if (!process.env.STRIPE_SECRET_KEY) {
  devStripe = await startDevStripe({
    appPort: port,
    port: Number(process.env.STRIPE_EMULATOR_PORT || 12111),
    stateFile: path.join(process.cwd(), ".keel", "stripe-emulator.json"),
    // API calls are many and routine; deliveries and failures are what a developer watches.
    log: (line) => {
      if (!/^(GET|POST|DELETE) \/v1\/\S+ → 2\d\d$/.test(line)) {
        console.log(`\x1b[35m[stripe]\x1b[0m ${line}`);
      }
    },
  });
  Object.assign(process.env, devStripe.env);
  log(
    `Stripe emulator on ${devStripe.emulator.url} (controls: http://localhost:${devStripe.emulator.port}/)`,
  );
} else {
  log(
    `Stripe: using your account. Forward its webhooks here with: stripe listen --forward-to localhost:${port}/api/webhooks/stripe`,
  );
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const next = spawn(process.execPath, [nextBin, "dev", "--port", String(port)], {
  stdio: ["inherit", "pipe", "pipe"],
  // Piped output is not a terminal: keep Next's colours when ours is one.
  env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: "1" } : process.env,
});
pipeRedacted(next.stdout, process.stdout);
pipeRedacted(next.stderr, process.stderr);

const drainJobs = () =>
  fetch(`http://127.0.0.1:${port}/api/cron/jobs`, {
    headers: { authorization: `Bearer ${process.env.CRON_SECRET}` },
  }).catch(() => undefined);
// `next dev` compiles a route on its first request. The webhook route is first hit while
// someone waits on the emulator's "Pay": compile it as soon as the server listens, with an
// unsigned request, which it refuses (400) without doing anything.
let stopping = false;
async function warmWebhook() {
  for (let attempt = 0; attempt < 60 && !stopping; attempt++) {
    const answered = await fetch(`http://127.0.0.1:${port}/api/webhooks/stripe`, {
      method: "POST",
      body: "{}",
    }).catch(() => undefined);
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
if (devStripe) void warmWebhook();
const firstDrain = setTimeout(drainJobs, 5_000);
const pump = setInterval(drainJobs, 30_000);

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  clearTimeout(firstDrain);
  clearInterval(pump);
  if (next.exitCode === null) next.kill("SIGTERM");
  await devStripe?.emulator.stop();
  await localS3?.stop();
  await dedicated?.stop();
  await embedded?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
next.on("exit", (code) => void stop(code ?? 0));
