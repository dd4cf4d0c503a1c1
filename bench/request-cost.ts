/**
 * What one request to an organization page costs the database: round trips, transactions
 * and round trips inside transactions (the tenant reads), and the server time, for the
 * projects page and the organization's home (its overview page), before and after.
 *
 *   npm run bench:request-cost                  # baseline 763a6c2 vs the working tree
 *   BENCH_BASELINE=<commit> npm run bench:request-cost
 *
 * Both versions are production builds (bench/app/builds.ts) on fresh PostgreSQL databases
 * (127.0.0.1:5432, or BENCH_DATABASE_URL) reached through a proxy that counts the wire
 * protocol (bench/app/pg-counter.ts), so the old code needs no instrumentation. Requests
 * are sent one at a time; counts are medians over the requests, after a warm-up.
 */
import http from "node:http";
import { prepareBuilds, startServer } from "./app/builds";
import { benchDatabase, EXTRA_PROJECTS } from "./app/database";
import { startPgCounter, type Counts } from "./app/pg-counter";
import { median } from "./support";

const BASELINE = process.env.BENCH_BASELINE ?? "763a6c2";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const WARM_UP = 5;
const PORT = Number(process.env.BENCH_PORT ?? 3254);

/** GET with a Host header of our choosing (fetch replaces it with the URL's). */
function get(url: string, headers: Record<string, string>): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0 }));
    });
    request.on("error", reject);
  });
}

const pages = [
  { name: "projects page", path: "/projects" },
  { name: "organization home", path: "/" },
];

type Sample = Counts & { ms: number; status: number };
type Row = { version: string; page: string } & Sample;

/** One request, and what the database saw while it ran (and shortly after: after()). */
async function sample(url: string, port: number, cookie: string, counts: Counts): Promise<Sample> {
  const before = { ...counts };
  const start = performance.now();
  const response = await get(url, { host: `acme.localhost:${port}`, cookie });
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    roundTrips: counts.roundTrips - before.roundTrips,
    transactions: counts.transactions - before.transactions,
    inTransaction: counts.inTransaction - before.inTransaction,
    ms,
    status: response.status,
  };
}

function summary(samples: Sample[]): Sample {
  const of = (key: keyof Sample) => median(samples.map((s) => s[key]));
  return {
    roundTrips: of("roundTrips"),
    transactions: of("transactions"),
    inTransaction: of("inTransaction"),
    ms: Math.round(of("ms") * 10) / 10,
    status: samples[0]?.status ?? 0,
  };
}

const { builds, cleanup } = await prepareBuilds(BASELINE);
const rows: Row[] = [];
const running: { stop: () => Promise<void> }[] = [];
try {
  // Both versions run at once and take turns, request by request, so the machine's
  // drift hits both alike.
  const apps = [];
  for (const [i, build] of builds.entries()) {
    const database = await benchDatabase(build.dir);
    running.push({ stop: database.drop });
    const counter = await startPgCounter(database.url);
    running.push(counter);
    const server = await startServer(build, PORT + i, counter.url);
    running.push(server);
    apps.push({ build, database, counter, server });
  }
  for (const page of pages) {
    const samples: Sample[][] = apps.map(() => []);
    for (let i = 0; i < WARM_UP + REQUESTS; i++) {
      for (const [a, app] of apps.entries()) {
        const url = `${app.server.url}${page.path}`;
        const result = await sample(url, app.server.port, app.database.cookie, app.counter.counts);
        if (i >= WARM_UP) samples[a]!.push(result);
      }
    }
    for (const [a, app] of apps.entries()) {
      rows.push({ version: app.build.label, page: page.name, ...summary(samples[a]!) });
    }
  }
} finally {
  for (const item of running.reverse()) await item.stop().catch(() => undefined);
  await cleanup();
}

console.log(
  `\nDatabase cost of one signed-in request (acme, ${EXTRA_PROJECTS + 3} projects; medians of ${REQUESTS} requests, the two versions taking turns)\n`,
);
console.log(
  "| page | version | status | round trips | transactions | round trips in transactions | server time (ms) |",
);
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) {
  console.log(
    `| ${row.page} | ${row.version} | ${row.status} | ${row.roundTrips} | ${row.transactions} | ${row.inTransaction} | ${row.ms} |`,
  );
}
