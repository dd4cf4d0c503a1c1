import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "@/lib/auth/session-store";
import { createDatabaseClient, type Database } from "@/lib/db/create-client";
import { clientOptionsFor, databaseProfile } from "@/lib/db/profile";
import { benchOrganization, loadTenants, type Shape } from "../support/tenant-data";
import { scenarios } from "../support/page-requests";
import {
  indexesOf,
  planRecorder,
  scans,
  type IndexInfo,
  type PlannedStatement,
} from "../support/query-plans";
import {
  createTestDatabase,
  testDatabaseServer,
  type TestDatabase,
} from "../support/test-database";

// Each organization's rows are found through an index that starts with its id, so a request
// costs the same whether the platform has ten organizations or ten thousand. The page data of
// bench/capacity.ts runs on a database of many organizations, and every statement it sends is
// planned with sequential scans off: a scan of a whole table means no usable index.

const shape: Shape = {
  organizations: 40,
  membersEach: 5,
  projectsEach: 100,
  billingEventsEach: 10,
  auditEntriesEach: 20,
};

// Tables whose rows belong to one organization.
const tenantTables = new Set([
  "Organization",
  "Membership",
  "Invitation",
  "Subscription",
  "BillingEvent",
  "AuditLog",
  "Project",
  "ApiKey",
  "IdempotencyKey",
  "UsageCounter",
  "FeatureFlagOverride",
]);

// Entry points that find the organization rather than start from it, each one row or the
// signed-in user's own few: the session by its token, the user's memberships, an organization
// by its subdomain.
const entryIndexes = new Set([
  "Session_sessionToken_key",
  "Membership_userId_idx",
  "Organization_slug_key",
]);

const recorder = planRecorder();
let database: TestDatabase;
let indexes: Map<string, IndexInfo>;
let app: Database;
let previous: unknown;
const shared = globalThis as unknown as { keelDb?: unknown };
const request = { token: "", slug: "", round: 0 };

beforeAll(async () => {
  database = await createTestDatabase(testDatabaseServer());
  await loadTenants(database.url, shape);
  indexes = await indexesOf(database.url);
  const owner = createDatabaseClient(database.url, { poolSize: 1, role: null });
  const organization = benchOrganization(shape);
  request.token = (await createSession(owner, { userId: organization.ownerId })).token;
  request.slug = organization.slug;
  await owner.$disconnect();
  // The app's client (lib/db) on this database for the file, as keel_app under row security.
  app = createDatabaseClient(
    database.url,
    clientOptionsFor(databaseProfile(database.embedded), { poolSize: 4 }),
  );
  previous = shared.keelDb;
  shared.keelDb = app;
}, 120_000);

afterAll(async () => {
  shared.keelDb = previous;
  await app?.$disconnect();
  await database?.drop();
  recorder.uninstall();
});

/** Each scan that is not served by a fitting index, described for the failure message. */
function problems(statements: PlannedStatement[]): string[] {
  const found: string[] = [];
  for (const { text, plan, error } of statements) {
    const statement = text.replace(/\s+/g, " ").slice(0, 140);
    if (!plan) {
      found.push(`${statement}: could not be planned (${error})`);
      continue;
    }
    for (const node of scans(plan)) {
      const table = node["Relation Name"];
      const name = node["Index Name"];
      if (node["Node Type"] === "Seq Scan") {
        found.push(`${statement}: reads all of ${table}`);
        continue;
      }
      if (!name) continue;
      const index = indexes.get(name);
      if (!index) {
        found.push(`${statement}: unknown index ${name}`);
        continue;
      }
      if (!node["Index Cond"]) {
        found.push(`${statement}: walks all of ${name} without a condition`);
        continue;
      }
      if (!tenantTables.has(index.table) || entryIndexes.has(name)) continue;
      if (index.firstColumn === "organizationId") continue;
      if (index.primary) continue; // One row by its id.
      found.push(
        `${statement}: ${index.table} through ${name}, which starts with ${index.firstColumn}`,
      );
    }
  }
  return found;
}

describe("the main pages and actions at scale", () => {
  for (const scenario of scenarios) {
    it(`${scenario.name}: every statement uses an index that starts from its organization`, async () => {
      const statements = await recorder.capture(() => scenario.run({ ...request }));
      const tables = new Set(
        statements.flatMap(({ plan }) => (plan ? scans(plan) : [])).map((n) => n["Relation Name"]),
      );
      // The capture saw the page's own tenant reads, not just the session lookup.
      expect([...tables].filter((t) => t && tenantTables.has(t)).length).toBeGreaterThan(1);
      // And the reads that entering the organization runs inside keel_enter_member.
      expect(tables).toContain("Membership");
      expect(tables).toContain("Subscription");
      expect(problems(statements)).toEqual([]);
    });
  }

  it("reports a read that no index serves", async () => {
    // Outside row security, so nothing adds the organization: projects by their author.
    const owner = createDatabaseClient(database.url, { poolSize: 1, role: null });
    try {
      const { ownerId } = benchOrganization(shape);
      const statements = await recorder.capture(() =>
        owner.project.findMany({ where: { createdById: ownerId }, take: 5 }),
      );
      expect(problems(statements)).toEqual([expect.stringMatching(/all of Project/)]);
    } finally {
      await owner.$disconnect();
    }
  });
});
