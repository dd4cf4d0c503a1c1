/**
 * What hybrid tenancy adds to a request: the project list page (the layout's membership read,
 * then the page's reads, as tests/support/page-requests.ts replays them) for an organization in
 * the main database and for one in a dedicated database, in alternating rounds so drift on the
 * machine hits both alike. For the dedicated one the lookup of its database is cached (it comes
 * with the membership row) and the tenant reads run in a second transaction on its database.
 *
 *   npm run bench:tenant-routing        # on BENCH_DATABASE_URL, default the local PostgreSQL
 *
 * Two scratch databases (main and dedicated) are created on that server and dropped after.
 */
// The app's modules read the environment when first imported: set it before any of them.
process.env.AUTH_SECRET ??= "a benchmark secret of at least thirty-two characters";
const { applyMigrations, tenantMigrationsDir } = await import("@/lib/db/migrate");
const { createTestDatabase } = await import("@/tests/support/test-database");

const PROJECTS = 2_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);
const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const main = await createTestDatabase(server);
const tenant = await createTestDatabase(server, { migrate: false });
await applyMigrations(tenant.url, { dir: tenantMigrationsDir });
process.env.DATABASE_URL = main.url;

const { createDatabaseClient } = await import("@/lib/db/create-client");
const { createSession } = await import("@/lib/auth/session-store");
const { sealTenantDatabaseUrl } = await import("@/lib/db/tenant-databases/sealed-url");
const { closeTenantDatabasePools } = await import("@/lib/db/tenant-databases/pools");
const { scenarios } = await import("@/tests/support/page-requests");

const owner = createDatabaseClient(main.url, { poolSize: 2, role: null });
const tenantOwner = createDatabaseClient(tenant.url, { poolSize: 2, role: null });
const registered = await owner.tenantDatabase.create({
  data: { name: "bench-dedicated", sealedUrl: sealTenantDatabaseUrl(tenant.url) },
});
const user = await owner.user.create({ data: { email: "bench@example.test", name: "Bench" } });
const { token } = await createSession(owner, { userId: user.id });

const slugs = { pooled: "bench-pooled", dedicated: "bench-dedicated" } as const;
for (const [kind, slug] of Object.entries(slugs)) {
  const org = await owner.organization.create({
    data: {
      slug,
      name: slug,
      tenantDatabaseId: kind === "dedicated" ? registered.id : null,
    },
  });
  await owner.membership.create({
    data: { organizationId: org.id, userId: user.id, role: "OWNER" },
  });
  await owner.subscription.create({
    data: { organizationId: org.id, plan: "business", status: "ACTIVE" },
  });
  const where = kind === "dedicated" ? tenantOwner : owner;
  await where.project.createMany({
    data: Array.from({ length: PROJECTS }, (_, i) => ({
      organizationId: org.id,
      name: `Project ${i}`,
      createdById: user.id,
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    })),
  });
}

const list = scenarios.find((s) => s.name.startsWith("project list"));
if (!list) throw new Error("page-requests has no project list scenario");

const times: Record<keyof typeof slugs, number[]> = { pooled: [], dedicated: [] };
for (let round = 0; round < ROUNDS + 50; round++) {
  const order = round % 2 ? (["pooled", "dedicated"] as const) : (["dedicated", "pooled"] as const);
  for (const kind of order) {
    const start = performance.now();
    await list.run({ token, slug: slugs[kind], round });
    if (round >= 50) times[kind].push(performance.now() - start);
  }
}

const median = (values: number[]) => p(values, 0.5);
const p = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * q)]!;
const row = (kind: keyof typeof slugs) =>
  `${kind.padEnd(10)} p50 ${median(times[kind]).toFixed(2).padStart(6)} ms   p95 ${p(times[kind], 0.95).toFixed(2).padStart(6)} ms`;
console.log(`project list page, ${PROJECTS} projects per organization, ${ROUNDS} rounds each`);
console.log(row("pooled"));
console.log(row("dedicated"));
const added = median(times.dedicated) - median(times.pooled);
console.log(
  `routing to a dedicated database adds ${added.toFixed(2)} ms at p50 ` +
    `(${(median(times.dedicated) / median(times.pooled)).toFixed(2)}× the pooled page; target < 1 ms)`,
);

await closeTenantDatabasePools();
await owner.$disconnect();
await tenantOwner.$disconnect();
await tenant.drop();
await main.drop();
process.exit(0);
export {};
