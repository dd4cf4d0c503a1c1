/**
 * What row-level security costs: the same tenant queries, in the same kind of transaction
 * (a role switch, set_config, the query), once as keel_app under the policies and once as
 * the login superuser, whom row security does not apply to. Both keep the data layer's own
 * organizationId filter, so the only difference is the policy check. Rounds alternate
 * between the two so drift on the machine hits both alike.
 *
 *   npm run bench:rls                                   # embedded database
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:rls
 *
 * With BENCH_DATABASE_URL a scratch database is created on that server and dropped after.
 */
import { APP_ROLE, createDatabaseClient, type Database } from "@/lib/db/create-client";
import { benchDatabase, median, serverBenchDatabase, timeEach } from "./support";

const PROJECTS_PER_ORG = 5_000;
const ROUNDS = 400;

const server = process.env.BENCH_DATABASE_URL;
const database = server
  ? await serverBenchDatabase(server)
  : { ...(await benchDatabase()), embedded: true };
const url = server ? database.url : process.env.DATABASE_URL!;

// The login role: a superuser on both the embedded database and a local server.
const owner = createDatabaseClient(url, { poolSize: 1, role: null });
// The app's connection: keel_app on PostgreSQL; the embedded database switches per transaction.
const app = createDatabaseClient(url, { poolSize: 1, role: database.embedded ? null : APP_ROLE });
const [who] = await owner.$queryRaw<{ login: string }[]>`SELECT current_user AS login`;
const login = who!.login;

const orgIds: string[] = [];
for (const key of ["a", "b"]) {
  const org = await owner.organization.create({ data: { slug: `bench-${key}`, name: key } });
  orgIds.push(org.id);
  await owner.project.createMany({
    data: Array.from({ length: PROJECTS_PER_ORG }, (_, i) => ({
      organizationId: org.id,
      name: `${key} project ${i} ${i % 7 === 0 ? "rocket" : "garden"}`,
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    })),
  });
}
const orgId = orgIds[0]!;
const someId = (await owner.project.findFirstOrThrow({ where: { organizationId: orgId } })).id;

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];
const queries: Record<string, (tx: Tx) => Promise<unknown>> = {
  "list 20 newest": (tx) =>
    tx.project.findMany({
      where: { organizationId: orgId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
    }),
  "count with search": (tx) =>
    tx.project.count({
      where: { organizationId: orgId, name: { contains: "rocket", mode: "insensitive" } },
    }),
  "get by id": (tx) => tx.project.findFirst({ where: { id: someId, organizationId: orgId } }),
};

/** One scoped request, as lib/db/tenant.ts runs it, under `role`. */
function scoped(client: Database, role: string, query: (tx: Tx) => Promise<unknown>) {
  return client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL ROLE "${role}"`);
    await tx.$executeRaw`SELECT set_config('app.org_id', ${orgId}, true)`;
    return query(tx);
  });
}

// Both paths must return the same rows, or the comparison means nothing.
for (const [name, query] of Object.entries(queries)) {
  const withRls = JSON.stringify(await scoped(app, APP_ROLE, query));
  const without = JSON.stringify(await scoped(owner, login, query));
  if (withRls !== without) throw new Error(`${name}: results differ with and without RLS`);
}

console.log(
  `row-level security overhead, ${database.embedded ? "embedded database" : "PostgreSQL"}, ` +
    `${PROJECTS_PER_ORG * 2} projects, ${ROUNDS} rounds each (medians)`,
);
const rounds = Array.from({ length: ROUNDS }, (_, i) => i);
for (const [name, query] of Object.entries(queries)) {
  await timeEach(rounds.slice(0, 40), () => scoped(app, APP_ROLE, query)); // warm-up
  await timeEach(rounds.slice(0, 40), () => scoped(owner, login, query));
  const rls: number[] = [];
  const plain: number[] = [];
  for (const _ of rounds) {
    rls.push(...(await timeEach([0], () => scoped(app, APP_ROLE, query))));
    plain.push(...(await timeEach([0], () => scoped(owner, login, query))));
  }
  const [a, b] = [median(rls), median(plain)];
  console.log(
    `  ${name.padEnd(18)} with RLS ${(a * 1000).toFixed(0).padStart(6)} µs   ` +
      `without ${(b * 1000).toFixed(0).padStart(6)} µs   ratio ${(a / b).toFixed(2)}×`,
  );
}

await app.$disconnect();
await owner.$disconnect();
await database.stop();
