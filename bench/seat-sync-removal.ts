/**
 * What removing a member costs now that the seat sync is a job: the removal (the member
 * action's work) against a Stripe that takes 500 ms to answer, next to the old way (the
 * removal, then the seat sync inline), and the job that makes the Stripe calls afterwards.
 *
 *   npm run bench:seat-sync                                   # embedded database
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:seat-sync
 *
 * With BENCH_DATABASE_URL a scratch database is created on that server and dropped after,
 * and the run exits with 1 when the removal's median is not under 100 ms. The embedded
 * database opens a connection per transaction, so its times are mostly its own: the same
 * removal in an organization without a subscription (nothing queued) is the reference.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createDatabaseClient } from "@/lib/db/create-client";
import { benchDatabase, median, serverBenchDatabase } from "./support";

const MEMBERS = 15;
const STRIPE_DELAY_MS = 500;
const BUDGET_MS = 100;

/** A Stripe stand-in that answers subscription reads and updates after STRIPE_DELAY_MS. */
async function slowStripe() {
  let quantity = MEMBERS + 1;
  let calls = 0;
  const subscription = () => ({
    id: "sub_bench",
    object: "subscription",
    status: "active",
    customer: "cus_bench",
    metadata: {},
    cancel_at_period_end: false,
    cancel_at: null,
    trial_end: null,
    items: {
      object: "list",
      data: [
        {
          id: "si_bench",
          object: "subscription_item",
          quantity,
          current_period_end: Math.floor(Date.now() / 1000) + 30 * 86_400,
          price: {
            id: "price_bench",
            object: "price",
            lookup_key: "keel_pro_monthly",
            metadata: {},
          },
        },
      ],
    },
  });
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      calls += 1;
      const update = /items\[0\]\[quantity\]=(\d+)/.exec(decodeURIComponent(body));
      if (request.method === "POST" && update) quantity = Number(update[1]);
      setTimeout(() => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify(subscription()));
      }, STRIPE_DELAY_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => calls,
    quantity: () => quantity,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const stripeStub = await slowStripe();
const server = process.env.BENCH_DATABASE_URL;
const database = server ? await serverBenchDatabase(server) : await benchDatabase();
// lib/env.ts reads it when the app modules are first imported, below.
process.env.DATABASE_URL = database.url;
if (!server) process.env.KEEL_EMBEDDED_DB = "1";
// lib/env.ts reads these when the app modules are first imported, below.
process.env.STRIPE_API_BASE = stripeStub.url;
delete process.env.STRIPE_SECRET_KEY;

const [{ removeMember }, { syncSeats }, { runJobs }, { db }] = await Promise.all([
  import("@/lib/members/members"),
  import("@/lib/billing/stripe/seats"),
  import("@/lib/jobs/run"),
  import("@/lib/db"),
]);
type MemberContext = Parameters<typeof removeMember>[0];

// Fixtures as the login role, which row-level security does not apply to.
const owner = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 1, role: null });
const org = await owner.organization.create({ data: { slug: "bench-seats", name: "Bench" } });
await owner.subscription.create({
  data: {
    organizationId: org.id,
    plan: "pro",
    status: "ACTIVE",
    stripeCustomerId: "cus_bench",
    stripeSubscriptionId: "sub_bench",
    seats: MEMBERS + 1,
  },
});
const boss = await owner.user.create({ data: { email: "owner@bench.test", name: "Owner" } });
await owner.membership.create({ data: { organizationId: org.id, userId: boss.id, role: "OWNER" } });
const memberships: string[] = [];
for (let i = 0; i < MEMBERS; i++) {
  const user = await owner.user.create({ data: { email: `m${i}@bench.test`, name: `M${i}` } });
  const member = await owner.membership.create({
    data: { organizationId: org.id, userId: user.id, role: "MEMBER" },
  });
  memberships.push(member.id);
}

const contextFor = (organization: { id: string; slug: string; name: string }) =>
  ({
    client: { ipAddress: "203.0.113.1", userAgent: "bench" },
    session: { user: { id: boss.id, email: boss.email, name: boss.name } },
    userId: boss.id,
    organization: { id: organization.id, slug: organization.slug, name: organization.name },
    role: "OWNER",
  }) as unknown as MemberContext;
const ctx = contextFor(org);

// The reference: an organization without a subscription, whose removals queue nothing.
const free = await owner.organization.create({ data: { slug: "bench-free", name: "Free" } });
await owner.membership.create({
  data: { organizationId: free.id, userId: boss.id, role: "OWNER" },
});
const freeMemberships: string[] = [];
for (let i = 0; i < 8; i++) {
  const user = await owner.user.create({ data: { email: `f${i}@bench.test`, name: `F${i}` } });
  const member = await owner.membership.create({
    data: { organizationId: free.id, userId: user.id, role: "MEMBER" },
  });
  freeMemberships.push(member.id);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

// Warm-up: connections, prepared statements, module code.
await removeMember(ctx, { membershipId: memberships.pop()! });
await runJobs({ limit: 100 });

await removeMember(contextFor(free), { membershipId: freeMemberships.pop()! });
const reference: number[] = [];
for (let i = 0; i < 7; i++) {
  reference.push(
    await time(() => removeMember(contextFor(free), { membershipId: freeMemberships.pop()! })),
  );
}

const callsBefore = stripeStub.calls();
const now: number[] = [];
for (let i = 0; i < 7; i++) {
  now.push(await time(() => removeMember(ctx, { membershipId: memberships.pop()! })));
}
const callsDuringRemovals = stripeStub.calls() - callsBefore;

const before: number[] = [];
for (let i = 0; i < 3; i++) {
  before.push(
    await time(async () => {
      await removeMember(ctx, { membershipId: memberships.pop()! });
      await syncSeats(org.id);
    }),
  );
}

const jobStart = performance.now();
const jobs = await runJobs({ limit: 100 });
const jobTime = performance.now() - jobStart;

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(
  `Stripe answers in ${STRIPE_DELAY_MS} ms; ${server ? "PostgreSQL" : "embedded database"}`,
);
console.log(
  `remove a member (seat sync queued):      median ${fmt(median(now))}, max ${fmt(Math.max(...now))}, Stripe calls during the removals: ${callsDuringRemovals}`,
);
console.log(`remove a member, no subscription (ref.):  median ${fmt(median(reference))}`);
console.log(`remove a member, then sync inline (old): median ${fmt(median(before))}`);
console.log(
  `the queued seat-sync jobs afterwards:    ${jobs.sent} done, ${jobs.failed} failed in ${fmt(jobTime)}; quantity at Stripe ${stripeStub.quantity()}`,
);

await owner.$disconnect();
await db.$disconnect();
await stripeStub.close();
await database.stop();
if (!server) {
  console.log("Embedded database: no budget check; set BENCH_DATABASE_URL for one.");
  process.exit(callsDuringRemovals === 0 ? 0 : 1);
}
const ok = median(now) < BUDGET_MS && callsDuringRemovals === 0;
console.log(ok ? `OK: under ${BUDGET_MS} ms, no Stripe call in the request` : "OVER BUDGET");
process.exit(ok ? 0 : 1);
