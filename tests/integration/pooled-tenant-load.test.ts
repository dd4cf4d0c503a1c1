import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE, createDatabaseClient, type Database } from "@/lib/db/create-client";
import { behindPooler } from "@/lib/db/profile";
import type * as Tenant from "@/lib/db/tenant";
import { adminDatabase } from "../support/admin-db";

/**
 * Two hundred concurrent tenant requests for two organizations. In CI DATABASE_URL goes
 * through PgBouncer in transaction mode with five server connections, so consecutive
 * transactions of one app connection land on different server sessions and each server
 * session serves both organizations in turn: nothing a request sets may outlive it.
 */

const url = process.env.DATABASE_URL!;
const embedded = process.env.KEEL_EMBEDDED_DB === "1";
const pooled = behindPooler({ databaseUrl: url, directUrl: process.env.DIRECT_URL });
const admin = adminDatabase();
const g = globalThis as unknown as { keelDb?: Database };
let tenant: typeof Tenant;
let limits: { statementMs: number; transactionMs: number };

const orgs = { A: "", B: "" };
const users = { A: "", B: "" };
const tag = Date.now().toString(36);

type State = {
  role: string;
  org: string | null;
  user: string | null;
  statement_timeout: string;
  idle_timeout: string;
};

const stateQuery = `SELECT current_user AS role,
  current_setting('app.org_id', true) AS org,
  current_setting('app.user_id', true) AS "user",
  (SELECT setting FROM pg_settings WHERE name = 'statement_timeout') AS statement_timeout,
  (SELECT setting FROM pg_settings WHERE name = 'idle_in_transaction_session_timeout') AS idle_timeout`;

async function state(tx: Pick<Database, "$queryRawUnsafe">): Promise<State> {
  const [row] = await tx.$queryRawUnsafe<State[]>(stateQuery);
  return row!;
}

// What a session must look like between requests: the app role, and no request's settings.
function expectClean(seen: State) {
  expect({ role: seen.role, org: seen.org || null, user: seen.user || null }).toEqual({
    role: embedded ? "postgres" : APP_ROLE,
    org: null,
    user: null,
  });
}

beforeAll(async () => {
  tenant = await import("@/lib/db/tenant");
  limits = (await import("@/lib/db")).databaseTimeouts();
  for (const key of ["A", "B"] as const) {
    const org = await admin.organization.create({
      data: { slug: `pool-${key.toLowerCase()}-${tag}`, name: `Pool ${key}` },
    });
    orgs[key] = org.id;
    await admin.project.createMany({
      data: Array.from({ length: 3 }, (_, i) => ({ organizationId: org.id, name: `${key} ${i}` })),
    });
    const user = await admin.user.create({ data: { email: `pool-${key}-${tag}@example.test` } });
    users[key] = user.id;
    await admin.membership.create({ data: { organizationId: org.id, userId: user.id } });
  }
});

afterAll(async () => {
  if (g.keelDb !== admin) await admin.$disconnect();
});

describe("tenant requests through a transaction pooler", () => {
  it("never see another organization's rows, role or settings, before or after their scope", async () => {
    // More app connections than the pooler has server sessions; a long wait for a connection,
    // since two hundred transactions queue on a busy machine.
    const app = embedded
      ? undefined
      : createDatabaseClient(url, {
          poolSize: 20,
          role: APP_ROLE,
          pooled,
          timeouts: { connectMs: 120_000, transactionMs: 120_000 },
        });
    const saved = g.keelDb;
    if (app) g.keelDb = app;
    const db = g.keelDb ?? (await import("@/lib/db")).db;
    try {
      const requests = Array.from({ length: 200 }, (_, i) => ({
        key: i % 2 === 0 ? ("A" as const) : ("B" as const),
        i,
      }));
      const results = await Promise.all(
        requests.map(async ({ key, i }) => {
          // Only A's requests name a user, so a leftover user id would show in B's.
          const scope =
            key === "A" ? { organizationId: orgs.A, userId: users.A } : { organizationId: orgs.B };
          const run = async (tx: Tenant.ScopedDb) => {
            const scoped = await state(tx);
            const rows = await tx.project.findMany({ select: { organizationId: true } });
            return { scoped, owners: [...new Set(rows.map((row) => row.organizationId))] };
          };
          if (i % 4 < 2) {
            // withScope's own steps, with a look at the session before the scope is applied.
            return db.$transaction(async (tx) => {
              const before = await state(tx);
              await tenant.applyScope(tx, scope);
              return { before, ...(await run(tx)), key };
            });
          }
          const after = await tenant.withScope(scope, run);
          // A statement outside any transaction, on whichever server session is free.
          const unscoped = await state(db);
          return { before: unscoped, ...after, key };
        }),
      );
      expect(results).toHaveLength(200);
      for (const { before, scoped, owners, key } of results) {
        expectClean(before);
        expect(owners).toEqual([orgs[key]]);
        expect(scoped.org).toBe(orgs[key]);
        expect(scoped.user || null).toBe(key === "A" ? users.A : null);
        expect(scoped.role).toBe(APP_ROLE);
        expect([scoped.statement_timeout, scoped.idle_timeout]).toEqual([
          String(limits.statementMs),
          String(limits.transactionMs),
        ]);
      }
    } finally {
      g.keelDb = saved;
      await app?.$disconnect();
    }
  }, 180_000);

  it("set the app's timeouts within the transaction, on a session that has none of its own", async () => {
    // The login role without the app's startup settings: what a pooler that drops them leaves.
    const bare = createDatabaseClient(process.env.DIRECT_URL || url, {
      poolSize: 1,
      role: null,
      pooled: true,
      ...(embedded ? { maxUses: 1 } : {}),
    });
    const saved = g.keelDb;
    g.keelDb = bare;
    try {
      await bare.$executeRawUnsafe("SET statement_timeout = 0");
      const scoped = await tenant.withScope({ organizationId: orgs.A }, (tx) => state(tx));
      expect([scoped.statement_timeout, scoped.idle_timeout]).toEqual([
        String(limits.statementMs),
        String(limits.transactionMs),
      ]);
      if (!embedded) expect((await state(bare)).statement_timeout).toBe("0");
    } finally {
      g.keelDb = saved;
      await bare.$disconnect();
    }
  });
});
