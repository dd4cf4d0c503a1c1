/**
 * The metrics page at scale: 10,000 organizations and 1,000,000 billing events on PostgreSQL.
 * Reports the page's server time when every month has a snapshot (target: under 300 ms), the
 * full recomputation of one month from the event log (target: under 5 s), and the cold fill of
 * all 25 snapshots. A report, not a test: nothing fails on a slow machine.
 *
 *   npm run bench:metrics
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:metrics
 *
 * A scratch database is created on that server (default: the local one) and dropped after.
 * The history is the demo seed's generator (24 months of trials, plan and seat changes, churn,
 * comps) for 10,000 organizations, padded to 1,000,000 rows the way a busy log grows: invoice
 * rows, and repeated writes of an unchanged state (a cancel-at-period-end toggled, a renewal).
 */
import { loadavg } from "node:os";
import { createDatabaseClient } from "@/lib/db/create-client";
import { demoHistory } from "@/prisma/seed-demo-history";
import { median, serverBenchDatabase } from "./support";

const ORGANIZATIONS = 10_000;
const EVENTS = 1_000_000;
const PAGE_ROUNDS = 30;
const MONTH_ROUNDS = 5;

const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = await serverBenchDatabase(server);
process.env.DATABASE_URL = database.url;
// A loaded machine should give slow numbers, not a timeout: the app's 10 s limits are raised here.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "120000";
process.env.DATABASE_TRANSACTION_TIMEOUT_MS ??= "300000";
const owner = createDatabaseClient(database.url, { poolSize: 2, role: null });

try {
  const now = new Date();
  const history = demoHistory({ organizations: ORGANIZATIONS, months: 24, now, idPrefix: "bench" });
  let rows = history.events.map((event, i) => ({
    ...event,
    id: `bench_evt_${i}`,
    amount: null as number | null,
  }));
  const stateRows = rows.filter((row) => !row.complimentary);
  // Invoices only for organizations with a subscription, from their first paid-state event on.
  const firstState = new Map<string, number>();
  for (const row of stateRows) {
    const at = new Date(row.occurredAt).getTime();
    firstState.set(row.organizationId, Math.min(at, firstState.get(row.organizationId) ?? at));
  }
  const billed = [...firstState.keys()];
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  while (rows.length < EVENTS) {
    const i = rows.length;
    if (next() < 0.5) {
      const copy = stateRows[Math.floor(next() * stateRows.length)]!;
      const at = new Date(
        new Date(copy.occurredAt).getTime() + 1_000 + Math.floor(next() * 58_000),
      );
      rows.push({ ...copy, id: `bench_evt_${i}`, type: "subscription.updated", occurredAt: at });
    } else {
      const org = { id: billed[Math.floor(next() * billed.length)]! };
      const from = firstState.get(org.id)!;
      const at = new Date(from + Math.floor(next() * (now.getTime() - from)));
      rows.push({
        id: `bench_evt_${i}`,
        organizationId: org.id,
        type: next() < 0.97 ? "invoice.paid" : "charge.refunded",
        toStatus: null,
        plan: null,
        seats: null,
        interval: null,
        unitAmount: null,
        complimentary: false,
        amount: 1200 + Math.floor(next() * 20_000),
        data: {},
        occurredAt: at,
      });
    }
  }
  rows = rows.slice(0, EVENTS);

  const loadStart = performance.now();
  await owner.organization.createMany({ data: history.organizations });
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    const column = <T>(pick: (row: (typeof rows)[number]) => T) => chunk.map(pick);
    await owner.$executeRawUnsafe(
      `INSERT INTO "BillingEvent" ("id", "organizationId", "type", "toStatus", "plan", "seats",
         "interval", "unitAmount", "complimentary", "amount", "data", "occurredAt")
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::"SubscriptionStatus"[],
         $5::text[], $6::int[], $7::text[], $8::int[], $9::boolean[], $10::int[], $11::jsonb[],
         $12::timestamp(3)[])`,
      column((r) => r.id),
      column((r) => r.organizationId),
      column((r) => r.type),
      column((r) => r.toStatus ?? null),
      column((r) => r.plan ?? null),
      column((r) => r.seats ?? null),
      column((r) => r.interval ?? null),
      column((r) => r.unitAmount ?? null),
      column((r) => r.complimentary ?? false),
      column((r) => r.amount),
      column((r) => JSON.stringify(r.data ?? {})),
      column((r) => new Date(r.occurredAt).toISOString()),
    );
  }
  for (const { month, amount } of history.spend) {
    await owner.marketingSpend.create({ data: { month, amount } });
  }
  await owner.$executeRawUnsafe(`ANALYZE "BillingEvent"`);
  const [counts] = await owner.$queryRaw<{ events: bigint; organizations: bigint }[]>`
    SELECT count(*) AS events, count(DISTINCT "organizationId") AS organizations FROM "BillingEvent"`;
  console.log(
    `loaded ${counts!.events} billing events for ${ORGANIZATIONS} organizations ` +
      `(${counts!.organizations} with events) in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
  );

  const { computeMonthFromLog } = await import("@/lib/metrics/read");
  const { loadMonthFacts } = await import("@/lib/metrics/snapshots");
  const { metricsReport } = await import("@/lib/metrics/report");
  const { addMonths, monthStart } = await import("@/lib/metrics/months");

  const time = async (run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
  const previous = addMonths(monthStart(now), -1);
  const month: number[] = [];
  for (let i = 0; i < MONTH_ROUNDS; i++)
    month.push(await time(() => computeMonthFromLog(previous, now)));
  const cold = await time(() => loadMonthFacts(now));
  const page: number[] = [];
  for (let i = 0; i < PAGE_ROUNDS; i++) page.push(await time(() => metricsReport(now)));
  const sorted = [...page].sort((a, b) => a - b);
  const report = await metricsReport(now);
  if (report.status !== "ready") throw new Error("The snapshots were not all computed");
  const last = report.months.at(-2)!;

  console.log(
    `\nPostgreSQL, ${EVENTS.toLocaleString("en-US")} events, ${ORGANIZATIONS.toLocaleString("en-US")} organizations`,
  );
  console.log(
    `  full recomputation of one month: median ${median(month).toFixed(0)} ms, ` +
      `max ${Math.max(...month).toFixed(0)} ms (${MONTH_ROUNDS} runs; target < 5000 ms, ` +
      `${(5000 / median(month)).toFixed(1)}× under)`,
  );
  console.log(
    `  machine load average (1, 5, 15 min): ${loadavg()
      .map((v) => v.toFixed(1))
      .join(" ")}`,
  );
  console.log(`  all 25 snapshots from nothing: ${(cold / 1000).toFixed(1)} s`);
  console.log(
    `  page data from snapshots: median ${median(page).toFixed(1)} ms, p95 ` +
      `${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1)} ms (${PAGE_ROUNDS} runs; ` +
      `target < 300 ms, ${(300 / median(page)).toFixed(0)}× under)`,
  );
  console.log(
    `  sanity: ${last.month} MRR ${(last.mrr / 100).toFixed(0)} USD, ${last.customers.paying} paying`,
  );
  const { db } = await import("@/lib/db");
  await db.$disconnect();
} finally {
  await owner.$disconnect();
  await database.stop();
}
