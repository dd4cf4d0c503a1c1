/**
 * What one request to the main organization pages and the project-create action costs the
 * database, on a platform of 10 organizations and on one of 10,000 organizations (1,000,000
 * projects, 50,000 users), measured in the same run: round trips, transactions, round trips
 * inside transactions, and the time the data layer takes. The organization signed in to has
 * the same size in both (5 members, 100 projects), so a ratio above 1 is what the other
 * tenants' rows cost it. A report, not a test: nothing fails on a slow machine.
 *
 *   npm run bench:capacity
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres BENCH_REQUESTS=40 npm run bench:capacity
 *
 * Without a production build (bench:request-cost needs one): each page's data calls are made
 * here in the order and grouping its layout and page make them (each scenario below names its
 * source), on the app's own client, through a proxy that counts the wire protocol
 * (bench/app/pg-counter.ts). What this leaves out is rendering, which does not reach the
 * database. Both platforms are served by one process and take turns request by request, so
 * the machine's drift hits both alike.
 */
import { loadavg } from "node:os";
import { startPgCounter, type Counts, type PgCounter } from "./app/pg-counter";
import { benchOrganization, loadTenants, type Shape } from "@/tests/support/tenant-data";
import { median, serverBenchDatabase } from "./support";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const WARM_UP = 5;
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
// Smaller for a quick try of the bench itself; the report is made at 10,000.
const LARGE = Number(process.env.BENCH_ORGANIZATIONS ?? 10_000);
const THROUGHPUT_SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 5);
const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const perTenant = {
  membersEach: 5,
  projectsEach: 100,
  billingEventsEach: 10,
  auditEntriesEach: 20,
};
const platforms: { label: string; shape: Shape }[] = [
  { label: "10 organizations", shape: { organizations: 10, ...perTenant } },
  {
    label: `${LARGE.toLocaleString("en-US")} organizations`,
    shape: { organizations: LARGE, ...perTenant },
  },
];

type Sample = Counts & { ms: number };

const stops: (() => Promise<unknown>)[] = [];
try {
  const prepared: { label: string; url: string; counter: PgCounter; shape: Shape }[] = [];
  for (const platform of platforms) {
    const database = await serverBenchDatabase(server);
    stops.push(database.stop);
    const ms = await loadTenants(database.url, platform.shape);
    const { organizations: o, membersEach, projectsEach } = platform.shape;
    console.error(
      `[bench] ${platform.label}: ${o * projectsEach} projects, ${o * membersEach} users, loaded in ${(ms / 1000).toFixed(1)} s`,
    );
    const counter = await startPgCounter(database.url);
    stops.push(counter.stop);
    prepared.push({ label: platform.label, url: database.url, counter, shape: platform.shape });
  }

  // lib/env reads DATABASE_URL on import; the app's client is then swapped per request below.
  process.env.DATABASE_URL = prepared[0]!.counter.url;
  const { createDatabaseClient } = await import("@/lib/db/create-client");
  const { clientOptionsFor } = await import("@/lib/db/profile");
  const { createSession } = await import("@/lib/auth/session-store");
  const { scenarios } = await import("@/tests/support/page-requests");

  const apps = [];
  for (const platform of prepared) {
    const client = createDatabaseClient(
      platform.counter.url,
      clientOptionsFor("server", { poolSize: POOL_SIZE }),
    );
    stops.push(() => client.$disconnect());
    const owner = createDatabaseClient(platform.url, { poolSize: 1, role: null });
    const organization = benchOrganization(platform.shape);
    const { token } = await createSession(owner, { userId: organization.ownerId });
    await owner.$disconnect();
    apps.push({ ...platform, client, organization, token });
  }

  const app = globalThis as unknown as { keelDb?: unknown };
  const rows: { scenario: string; platform: string; sample: Sample }[] = [];
  for (const scenario of scenarios) {
    const samples: Sample[][] = apps.map(() => []);
    for (let i = 0; i < WARM_UP + REQUESTS; i++) {
      // Each goes first every other round, so neither always runs just after the other.
      const order = i % 2 ? [...apps.entries()].reverse() : [...apps.entries()];
      for (const [a, platform] of order) {
        app.keelDb = platform.client;
        const before = { ...platform.counter.counts };
        const start = performance.now();
        await scenario.run({
          token: platform.token,
          slug: platform.organization.slug,
          round: i,
        });
        const ms = performance.now() - start;
        // Shared transactions commit a loop turn after their last read.
        await new Promise((resolve) => setTimeout(resolve, 20));
        const after = platform.counter.counts;
        if (i >= WARM_UP)
          samples[a]!.push({
            roundTrips: after.roundTrips - before.roundTrips,
            transactions: after.transactions - before.transactions,
            inTransaction: after.inTransaction - before.inTransaction,
            ms,
          });
      }
    }
    for (const [a, platform] of apps.entries()) {
      rows.push({
        scenario: scenario.name,
        platform: platform.label,
        sample: summary(samples[a]!),
      });
    }
  }

  console.log(
    `\nDatabase cost of one signed-in request (owner of an organization of 5 members and 100 projects; ` +
      `medians of ${REQUESTS} requests after ${WARM_UP} warm-up, the two platforms taking turns; pool of ${POOL_SIZE})\n`,
  );
  console.log(
    "| request | platform | round trips | transactions | round trips in transactions | data-layer time (ms) | large/small |",
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const scenario of scenarios) {
    const [small, large] = rows.filter((row) => row.scenario === scenario.name);
    for (const row of [small!, large!]) {
      const ratio = row === large ? (large.sample.ms / small!.sample.ms).toFixed(2) : "";
      const { roundTrips, transactions, inTransaction, ms } = row.sample;
      console.log(
        `| ${row.scenario} | ${row.platform} | ${roundTrips} | ${transactions} | ${inTransaction} | ${ms.toFixed(1)} | ${ratio} |`,
      );
    }
  }
  // How far one instance goes: the project list on the large platform, with this many
  // requests in flight at once, each level for a few seconds.
  const large = apps.at(-1)!;
  const projectList = scenarios.find((s) => s.name.startsWith("project list"))!;
  app.keelDb = large.client;
  console.log(
    `\nOne instance (pool of ${POOL_SIZE}) on ${large.label}: project list with N requests in flight, ${THROUGHPUT_SECONDS} s each\n`,
  );
  console.log("| in flight | requests/s | median (ms) | 95th percentile (ms) |");
  console.log("|---|---|---|---|");
  for (const inFlight of [1, 4, 10, 20, 40]) {
    const times: number[] = [];
    const start = performance.now();
    const deadline = start + THROUGHPUT_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (performance.now() < deadline) {
          const begun = performance.now();
          await projectList.run({ token: large.token, slug: large.organization.slug, round: 0 });
          times.push(performance.now() - begun);
        }
      }),
    );
    const elapsed = (performance.now() - start) / 1000;
    const sorted = [...times].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
    console.log(
      `| ${inFlight} | ${(times.length / elapsed).toFixed(0)} | ${median(times).toFixed(1)} | ${p95.toFixed(1)} |`,
    );
  }
  // The daily retention job visits every organization for its audit entries, whether or not
  // it has any to delete (here none have: every entry is inside its plan's window).
  const { purgeExpiredData } = await import("@/lib/retention/purge");
  for (const platform of apps) {
    app.keelDb = platform.client;
    const before = { ...platform.counter.counts };
    const begun = performance.now();
    await purgeExpiredData();
    const seconds = (performance.now() - begun) / 1000;
    const { transactions, roundTrips } = platform.counter.counts;
    console.log(
      `\nRetention run (lib/retention/purge.ts) on ${platform.label}, nothing to delete: ` +
        `${seconds.toFixed(1)} s, ${transactions - before.transactions} transactions, ` +
        `${roundTrips - before.roundTrips} round trips`,
    );
  }
  const [settings] = await large.client.$queryRaw<{ max_connections: string }[]>`
    SELECT current_setting('max_connections') AS max_connections`;
  console.log(`\nPostgreSQL max_connections: ${settings!.max_connections}`);
  console.log(
    `\nmachine load average (1, 5, 15 min): ${loadavg()
      .map((v) => v.toFixed(1))
      .join(" ")}`,
  );
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}
process.exit(0);

function summary(samples: Sample[]): Sample {
  const of = (key: keyof Sample) => median(samples.map((s) => s[key]));
  return {
    roundTrips: of("roundTrips"),
    transactions: of("transactions"),
    inTransaction: of("inTransaction"),
    ms: of("ms"),
  };
}
