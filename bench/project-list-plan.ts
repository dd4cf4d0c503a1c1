/**
 * What the projects page's queries read in an organization of 10,000 projects: page 1,
 * page 500 (by cursor) and searches for a rare term, a term every project matches and one
 * nothing matches (lib/projects/search.ts: a probe of the organization's trigram index, then
 * for a common term a walk of its newest-first index), as PostgreSQL plans and runs them (EXPLAIN ANALYZE,
 * BUFFERS) under the app role and row-level security. The figure to compare is buffers:
 * pages touched, which does not drift with the machine's load the way time does. The
 * JSON API's numbered page 500 (OFFSET) is shown for contrast.
 *
 *   npm run bench:project-list      # a scratch database on 127.0.0.1:5432 (BENCH_DATABASE_URL)
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { assertLocalDatabase } from "@/lib/db/local-database-guard";
import { applyMigrations } from "@/lib/db/migrate";

const PROJECTS = 10_000;
// Other tenants' rows in the same table, as in a real deployment.
const OTHER_PROJECTS = 90_000;
const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const admin = assertLocalDatabase(server);
const name = `keel_bench_${randomBytes(4).toString("hex")}`;

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

// Every statement the data layer sends, to EXPLAIN exactly what it ran.
type Sent = { text: string; values: unknown[] };
const sent: Sent[] = [];
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [config, values] = args as [unknown, unknown];
  if (typeof config === "object" && config && "text" in config) {
    const c = config as { text: string; values?: unknown[] };
    sent.push({ text: c.text, values: c.values ?? [] });
  } else if (typeof config === "string") {
    sent.push({ text: config, values: Array.isArray(values) ? values : [] });
  }
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

await adminQuery(`CREATE DATABASE "${name}"`);
const url = new URL(admin);
url.pathname = `/${name}`;
try {
  await applyMigrations(url.toString());
  process.env.DATABASE_URL = url.toString();
  const { db } = await import("@/lib/db");
  const { withTenant } = await import("@/lib/db/tenant");
  const { sliceProjects, listProjects } = await import("@/lib/projects/queries");

  const org = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.org_id', 'bench_org', true)`;
    return tx.organization.create({ data: { id: "bench_org", slug: "bench", name: "Bench" } });
  });
  const setup = new pg.Client({ connectionString: url.toString() });
  await setup.connect();
  await setup.query(
    `INSERT INTO "Project" ("id", "organizationId", "name", "description", "createdAt", "updatedAt")
     SELECT 'p' || lpad(i::text, 6, '0'), $1, 'Project ' || i || ' ' || md5(i::text),
            CASE WHEN i % 7 = 0 THEN 'Notes on ' || md5((i * 3)::text) END,
            timestamp '2026-01-01' + i * interval '1 minute', now()
     FROM generate_series(1, $2) AS i`,
    [org.id, PROJECTS],
  );
  // Another organization's rows, so row-level security has rows to hide.
  await setup.query(`SELECT set_config('app.org_id', 'other_org', false)`);
  await setup.query(
    `INSERT INTO "Organization" ("id", "slug", "name", "updatedAt") VALUES ('other_org', 'other', 'Other', now())`,
  );
  await setup.query(
    `INSERT INTO "Project" ("id", "organizationId", "name", "createdAt", "updatedAt")
     SELECT 'q' || lpad(i::text, 6, '0'), 'other_org', 'Other ' || i, timestamp '2026-01-01' + i * interval '1 minute', now()
     FROM generate_series(1, $1) AS i`,
    [OTHER_PROJECTS],
  );
  await setup.query("ANALYZE");

  // The cursor of page 500: the 9,980th newest project.
  const edge = (
    await setup.query<{ createdAt: Date; id: string }>(
      `SELECT "createdAt", "id" FROM "Project" WHERE "organizationId" = $1
       ORDER BY "createdAt" DESC, "id" DESC OFFSET 9979 LIMIT 1`,
      [org.id],
    )
  ).rows[0]!;

  const scenarios: [string, () => Promise<unknown>][] = [
    ["page 1", () => withTenant(org.id, (tx) => sliceProjects(tx, org.id, { q: "" }))],
    [
      "page 500 (cursor)",
      () => withTenant(org.id, (tx) => sliceProjects(tx, org.id, { q: "", after: edge })),
    ],
    ['search "7d1"', () => withTenant(org.id, (tx) => sliceProjects(tx, org.id, { q: "7d1" }))],
    [
      'search "project" (every project)',
      () => withTenant(org.id, (tx) => sliceProjects(tx, org.id, { q: "project" })),
    ],
    [
      'search "c0ffee" (no match)',
      () => withTenant(org.id, (tx) => sliceProjects(tx, org.id, { q: "c0ffee" })),
    ],
    ["JSON API page 500 (offset)", () => listProjects(org.id, { q: "", page: 500 })],
  ];

  console.log(
    `\nProjects page queries, organization of ${PROJECTS} projects (in a table of ${PROJECTS + OTHER_PROJECTS})\n`,
  );
  console.log("| request | statement | plan | buffers | rows read by scans | ms |");
  console.log("|---|---|---|---|---|---|");
  for (const [label, run] of scenarios) {
    sent.length = 0;
    await run();
    const statements = sent.filter((s) =>
      /FROM ("public"\.)?"Project(Search)?"|keel_project_matches/.test(s.text),
    );
    for (const statement of statements) {
      await setup.query("BEGIN");
      await setup.query(
        `SELECT set_config('role', 'keel_app', true), set_config('app.org_id', $1, true)`,
        [org.id],
      );
      const explained = await setup.query<{
        "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }];
      }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, statement.values);
      await setup.query("ROLLBACK");
      const [root] = explained.rows[0]!["QUERY PLAN"];
      const kind = /count\(/i.test(statement.text)
        ? "count"
        : /"ProjectSearch"/.test(statement.text)
          ? "probe"
          : "list";
      console.log(
        `| ${label} | ${kind} | ${nodes(root.Plan).join(" → ")} | ${root.Plan["Shared Hit Blocks"] + root.Plan["Shared Read Blocks"]} | ${rowsRead(root.Plan)} | ${root["Execution Time"].toFixed(2)} |`,
      );
    }
  }
  await setup.end();
  await db.$disconnect();
} finally {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

type PlanNode = {
  "Node Type": string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Shared Hit Blocks": number;
  "Shared Read Blocks": number;
  Plans?: PlanNode[];
};

function nodes(plan: PlanNode): string[] {
  const self = plan["Index Name"]
    ? `${plan["Node Type"]} (${plan["Index Name"]})`
    : plan["Node Type"];
  return [self, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** Rows the scans produced or threw away: what the database had to look at. */
function rowsRead(plan: PlanNode): number {
  const scan = /Scan/.test(plan["Node Type"])
    ? (plan["Actual Rows"] +
        (plan["Rows Removed by Filter"] ?? 0) +
        (plan["Rows Removed by Index Recheck"] ?? 0)) *
      plan["Actual Loops"]
    : 0;
  return scan + (plan.Plans ?? []).reduce((sum, child) => sum + rowsRead(child), 0);
}
