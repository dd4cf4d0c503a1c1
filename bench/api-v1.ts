/**
 * The JSON API against the page, on one production build of the working tree and a fresh
 * PostgreSQL database (acme on an active Pro plan, 1,003 projects, a projects:read +
 * organization:read key made in the database). autocannon -c 10, two interleaved rounds:
 *
 * - GET /api/v1/projects with the key vs acme.<root>/projects with the owner's cookie: the
 *   same first page of the list, as JSON and as the rendered page.
 * - GET /api/v1/organization with the key vs the same route without one. Both run the same
 *   wrapper (request context, CORS, X-Request-Id, problem+json); the keyless call is refused
 *   before any database or rate-limit work, and the handler itself only echoes what
 *   verification read, so the difference is key verification plus rate limits plus metering.
 *   /api/v1/openapi.json would be a worse baseline: a cached document, not the same path.
 *
 * HTTP percentiles come in whole milliseconds under load, so the added latency is also timed
 * in process: verifyApiKey + recordApiCall (what handler.ts runs per call) against an empty
 * async call, on the same database. The build's copy raises the /api/v1 rate limits: 600 calls
 * a minute per key would otherwise turn the run into 429s.
 *
 *   npm run bench:api        # BENCH_KEEP=1 keeps the build, BENCH_REUSE=<dir> reuses it
 */
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import { createDatabaseClient } from "@/lib/db/create-client";
import { displayPrefixOf, generateApiKey, hashApiKey } from "@/lib/api-keys/format";
import { demo } from "@/prisma/seed";
import { prepareBuilds, startServer, type Server } from "./app/builds";
import { benchDatabase, type BenchDatabase } from "./app/database";
import { median } from "./support";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = 2;
const PORT = 3284;
const ITERATIONS = 2_000;
const TARGET_MS = 1;

type Target = { name: string; path: string; tenant?: boolean; key?: boolean; status: number };
const targets: Target[] = [
  { name: "GET /api/v1/projects (key)", path: "/api/v1/projects", key: true, status: 200 },
  { name: "acme.<root>/projects (cookie)", path: "/projects", tenant: true, status: 200 },
  { name: "GET /api/v1/organization (key)", path: "/api/v1/organization", key: true, status: 200 },
  { name: "GET /api/v1/organization (no key, 401)", path: "/api/v1/organization", status: 401 },
];

type Run = { rps: number; p50: number; p99: number; unexpected: number };

async function raiseApiRateLimits(dir: string) {
  const file = path.join(dir, "lib/rate-limit/policies.ts");
  const source = await readFile(file, "utf8");
  const raised = source
    .replace(/apiKey: \{ limit: \d+/, "apiKey: { limit: 1_000_000_000")
    .replace(/apiOrganization: \{ limit: \d+/, "apiOrganization: { limit: 1_000_000_000");
  if (raised === source) throw new Error("bench: the /api/v1 rate limits were not found");
  await writeFile(file, raised);
}

async function apiAccess(url: string): Promise<string> {
  const db = createDatabaseClient(url, { poolSize: 1 });
  try {
    const organizationId = demo.organization.id;
    await db.subscription.update({
      where: { organizationId },
      data: { plan: "pro", status: "ACTIVE" },
    });
    const key = generateApiKey("live");
    await db.apiKey.create({
      data: {
        organizationId,
        name: "bench",
        prefix: displayPrefixOf(key),
        keyHash: hashApiKey(key),
        createdById: demo.owner.id,
        scopes: ["projects:read", "organization:read"],
      },
    });
    return key;
  } finally {
    await db.$disconnect();
  }
}

async function load(server: Server, database: BenchDatabase, key: string, target: Target) {
  const host = target.tenant ? `acme.localhost:${server.port}` : `localhost:${server.port}`;
  const headers: Record<string, string> = { host };
  if (target.tenant) headers.cookie = database.cookie;
  if (target.key) headers.authorization = `Bearer ${key}`;
  const result = await autocannon({
    url: `${server.url}${target.path}`,
    connections: 10,
    duration: DURATION,
    headers,
  });
  const counts = result.statusCodeStats as Record<string, { count: number } | undefined>;
  const expected = counts[String(target.status)]?.count ?? 0;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    unexpected: result.requests.total - expected + result.errors + result.timeouts,
  } satisfies Run;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** verifyApiKey + recordApiCall against an empty async call, in a process on `url`. */
function inProcess(url: string, key: string): { baseline: number[]; measured: number[] } {
  const output = execFileSync(
    "npx",
    ["tsx", "--conditions=react-server", path.join(import.meta.dirname, "app/verify-cost.ts")],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        BENCH_API_KEY: key,
        BENCH_ITERATIONS: String(ITERATIONS),
      },
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(output.toString()) as { baseline: number[]; measured: number[] };
}

const { builds, cleanup } = await prepareBuilds(null, { prepare: raiseApiRateLimits });
const build = builds[0]!;
let server: Server | undefined;
let database: BenchDatabase | undefined;
const runs = new Map<string, Run[]>();
let cost: ReturnType<typeof inProcess> | undefined;
try {
  database = await benchDatabase(build.dir);
  const key = await apiAccess(database.url);
  server = await startServer(build, PORT, database.url);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of targets) {
      // A short warm-up, so the first round does not pay for compilation and pools.
      if (round === 1) await load(server, database, key, target).catch(() => undefined);
      const run = await load(server, database, key, target);
      runs.set(target.name, [...(runs.get(target.name) ?? []), run]);
      console.error(
        `[bench] round ${round} ${target.name}: ${run.rps.toFixed(1)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, unexpected ${run.unexpected}`,
      );
    }
  }
  await server.stop();
  server = undefined;
  console.error(`[bench] in process: ${ITERATIONS * 2} calls each`);
  cost = inProcess(database.url, key);
} finally {
  await server?.stop().catch(() => undefined);
  await database?.drop().catch(() => undefined);
  await cleanup();
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const of = (name: string) => runs.get(name) ?? [];
const rounds = (values: number[], digits: number) =>
  values.map((v) => v.toFixed(digits)).join(" · ");

console.log(`\nautocannon -c 10 -d ${DURATION}, ${ROUNDS} interleaved rounds, one server\n`);
console.log("| target | req/s (rounds) | p50 ms | p99 ms | unexpected answers |");
console.log("|---|---|---|---|---|");
for (const target of targets) {
  const r = of(target.name);
  console.log(
    `| ${target.name} | ${rounds(
      r.map((x) => x.rps),
      1,
    )} | ${rounds(
      r.map((x) => x.p50),
      0,
    )} | ${rounds(
      r.map((x) => x.p99),
      0,
    )} | ${r.reduce((a, x) => a + x.unexpected, 0)} |`,
  );
}
const rpsOf = (name: string) => mean(of(name).map((x) => x.rps));
const p50Of = (name: string) => mean(of(name).map((x) => x.p50));
console.log(
  `\nreq/s API ÷ page: ${(rpsOf(targets[0]!.name) / rpsOf(targets[1]!.name)).toFixed(2)}×`,
);
console.log(
  `p50 with key − without (under load, whole ms): ${(p50Of(targets[2]!.name) - p50Of(targets[3]!.name)).toFixed(1)} ms`,
);
if (cost) {
  const added = median(cost.measured) - median(cost.baseline);
  const ms = (v: number) => `${v.toFixed(3)} ms`;
  console.log(`\nin process, ${cost.measured.length} calls each:`);
  console.log("| | p50 | p95 |\n|---|---|---|");
  console.log(
    `| empty async call | ${ms(median(cost.baseline))} | ${ms(percentile(cost.baseline, 95))} |`,
  );
  console.log(
    `| verifyApiKey + recordApiCall | ${ms(median(cost.measured))} | ${ms(percentile(cost.measured, 95))} |`,
  );
  console.log(
    `\nadded latency p50: ${ms(added)} (target < ${TARGET_MS} ms: ${added < TARGET_MS ? "met" : "NOT met"})`,
  );
}
