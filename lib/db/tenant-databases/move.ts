import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { forgetPlacements, PLACEMENT_CACHE_MS } from "./placement";
import { openTenantDatabaseUrl } from "./sealed-url";
import { TENANT_TABLES } from "./tables";

/**
 * Moves an organization's tenant rows to another database while it stays online: writes are
 * refused (SQLSTATE KL503) for the seconds it takes, reads keep working. Every step runs as
 * the databases' owner, on its own connections (README, "Moving an organization").
 */

export const POOL = "pool";

export const tenantMigrationsDir = path.join(process.cwd(), "prisma", "tenant", "migrations");

const CONNECT_TIMEOUT_MS = 10_000;
// Freezing waits for writes already under way, which the app bounds well below this.
const STATEMENT_TIMEOUT_MS = 60_000;
const BATCH_ROWS = 1_000;
const SWITCH_MARGIN_MS = 2_000;
const DELETE_ATTEMPTS = 3;

export class TenantMoveError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TenantMoveError";
  }
}

export type MoveStep =
  | "validate"
  | "freeze"
  | "copy"
  | "verify"
  | "switch"
  | "wait"
  | "delete-source"
  | "unfreeze"
  | "roll-back";

export type MoveOptions = {
  /** The main database, as its owner: DIRECT_URL, else DATABASE_URL. */
  mainUrl: string;
  slug: string;
  /** A registered tenant database's name, or "pool" for the main database. */
  to: string;
  /** How long readers may still use the old location after the switch. */
  waitMs?: number;
  log?: (line: string) => void;
  /** Runs after the named step succeeds; a throw there counts as that step failing (tests). */
  after?: Partial<Record<MoveStep, (ctx: MoveHookContext) => Promise<void>>>;
};

export type MoveHookContext = { organizationId: string; source: pg.Client; target: pg.Client };

export type TableCount = { table: string; rows: number; checksum: string };

export type MoveReport = {
  organizationId: string;
  from: string;
  to: string;
  tables: TableCount[];
  steps: { step: MoveStep; ms: number }[];
  /** Set when the move finished but the rows at the old location could not be deleted. */
  leftover?: string;
};

type Side = { name: string; databaseId: string | null; client: pg.Client };

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    lock_timeout: STATEMENT_TIMEOUT_MS,
    application_name: "keel-tenant-move",
  });
  client.on("error", () => {});
  await client.connect();
  // Checksums compare rows as text: both sides must print values the same way.
  await client.query("SET DateStyle = ISO; SET TimeZone = 'UTC'; SET extra_float_digits = 3");
  return client;
}

// Owner connections still meet row-level security (the tables FORCE it): a transaction
// names the organization as the app's do.
async function inTransaction<T>(
  client: pg.Client,
  organizationId: string,
  work: () => Promise<T>,
): Promise<T> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT set_config('app.org_id', $1, true)", [organizationId]);
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY column_name`,
    [table],
  );
  return rows.map((row) => row.column_name);
}

// The columns copied and compared: the source's, which the target must all have.
async function sharedColumns(source: Side, target: Side, table: string): Promise<string[]> {
  const [from, to] = await Promise.all([
    columnsOf(source.client, table),
    columnsOf(target.client, table),
  ]);
  const missing = from.filter((column) => !to.includes(column));
  if (from.length === 0 || missing.length > 0)
    throw new TenantMoveError(
      `${target.name} has no column ${missing.join(", ") || "at all"} of "${table}"; migrate it first.`,
    );
  return from;
}

async function checksum(
  client: pg.Client,
  organizationId: string,
  table: string,
  columns: string[],
): Promise<{ rows: number; checksum: string }> {
  const list = columns.map(quote).join(", ");
  const { rows } = await client.query<{ rows: number; checksum: string }>(
    `SELECT count(*)::int AS "rows",
       coalesce(md5(string_agg(ROW(${list})::text, '|' ORDER BY "id" COLLATE "C")), '') AS "checksum"
     FROM ${quote(table)} WHERE "organizationId" = $1`,
    [organizationId],
  );
  return rows[0]!;
}

/** The org's rows of every tenant table in one database: for the move's check, and tests. */
export async function tenantChecksums(
  client: pg.Client,
  organizationId: string,
): Promise<TableCount[]> {
  return inTransaction(client, organizationId, async () => {
    const counts: TableCount[] = [];
    for (const { table } of TENANT_TABLES) {
      const columns = await columnsOf(client, table);
      counts.push({ table, ...(await checksum(client, organizationId, table, columns)) });
    }
    return counts;
  });
}

async function appliedTenantMigrations(target: Side): Promise<void> {
  const expected = (await readdir(tenantMigrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const exists = await target.client.query<{ found: string | null }>(
    `SELECT to_regclass('"_prisma_migrations"')::text AS "found"`,
  );
  const applied = new Set<string>();
  if (exists.rows[0]?.found) {
    const { rows } = await target.client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    for (const row of rows) applied.add(row.migration_name);
  }
  const missing = expected.filter((name) => !applied.has(name));
  if (missing.length > 0)
    throw new TenantMoveError(
      `${target.name} is missing the tenant migration(s) ${missing.join(", ")}. Apply prisma/tenant/migrations to it first.`,
    );
}

function freezeKey(organizationId: string) {
  return `keel.tenant_write:${organizationId}`;
}

// The exclusive lock waits for every writer already holding it shared (lib's triggers), so
// once the row is committed no write of the organization is in flight or can start.
async function freeze(side: Side, organizationId: string): Promise<void> {
  await inTransaction(side.client, organizationId, async () => {
    await side.client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
      freezeKey(organizationId),
    ]);
    await side.client.query(
      `INSERT INTO "TenantWriteFreeze" ("organizationId") VALUES ($1) ON CONFLICT DO NOTHING`,
      [organizationId],
    );
  });
}

async function unfreeze(side: Side, organizationId: string): Promise<void> {
  await side.client.query(`DELETE FROM "TenantWriteFreeze" WHERE "organizationId" = $1`, [
    organizationId,
  ]);
}

async function deleteRows(side: Side, organizationId: string): Promise<void> {
  await inTransaction(side.client, organizationId, async () => {
    for (const { table } of TENANT_TABLES)
      await side.client.query(`DELETE FROM ${quote(table)} WHERE "organizationId" = $1`, [
        organizationId,
      ]);
  });
}

// Selects each batch as JSON and inserts it with json_populate_recordset: values arrive as
// PostgreSQL printed them, so timestamps and JSON documents are the same bytes on both sides.
async function copyRows(source: Side, target: Side, organizationId: string): Promise<void> {
  const plan: { table: string; columns: string[] }[] = [];
  for (const { table } of TENANT_TABLES)
    plan.push({ table, columns: await sharedColumns(source, target, table) });
  await source.client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    await source.client.query("SELECT set_config('app.org_id', $1, true)", [organizationId]);
    await inTransaction(target.client, organizationId, async () => {
      for (const { table, columns } of plan) {
        // Rows a failed earlier run left here are not the organization's: it does not live here.
        await target.client.query(`DELETE FROM ${quote(table)} WHERE "organizationId" = $1`, [
          organizationId,
        ]);
        const list = columns.map(quote).join(", ");
        let after = "";
        for (;;) {
          const { rows } = await source.client.query<{ batch: string | null; last: string }>(
            `SELECT json_agg(b)::text AS "batch", max(b."id" COLLATE "C") AS "last" FROM (
               SELECT ${list} FROM ${quote(table)}
               WHERE "organizationId" = $1 AND "id" COLLATE "C" > $2
               ORDER BY "id" COLLATE "C" LIMIT ${BATCH_ROWS}) b`,
            [organizationId, after],
          );
          const batch = rows[0];
          if (!batch?.batch) break;
          await target.client.query(
            `INSERT INTO ${quote(table)} (${list})
             SELECT ${list} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
            [batch.batch],
          );
          after = batch.last;
        }
      }
    });
  } finally {
    await source.client.query("COMMIT").catch(() => {});
  }
}

async function verify(source: Side, target: Side, organizationId: string): Promise<TableCount[]> {
  const counts: TableCount[] = [];
  for (const { table } of TENANT_TABLES) {
    const columns = await sharedColumns(source, target, table);
    const [from, to] = await Promise.all([
      inTransaction(source.client, organizationId, () =>
        checksum(source.client, organizationId, table, columns),
      ),
      inTransaction(target.client, organizationId, () =>
        checksum(target.client, organizationId, table, columns),
      ),
    ]);
    if (from.rows !== to.rows || from.checksum !== to.checksum)
      throw new TenantMoveError(
        `"${table}" differs after the copy: ${from.rows} rows (${from.checksum}) at ${source.name}, ${to.rows} (${to.checksum}) at ${target.name}.`,
      );
    counts.push({ table, ...from });
  }
  return counts;
}

const mainSide = (client: pg.Client): Side => ({ name: POOL, databaseId: null, client });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function moveOrganization(options: MoveOptions): Promise<MoveReport> {
  const { mainUrl, slug, to, log = () => {}, after = {} } = options;
  const waitMs = options.waitMs ?? PLACEMENT_CACHE_MS + SWITCH_MARGIN_MS;
  const steps: MoveReport["steps"] = [];
  const opened: pg.Client[] = [];
  const open = async (url: string) => {
    const client = await connect(url);
    opened.push(client);
    return client;
  };

  let started = performance.now();
  const done = (step: MoveStep, detail = "") => {
    const ms = Math.round(performance.now() - started);
    steps.push({ step, ms });
    log(`${step.padEnd(13)} ${String(ms).padStart(6)} ms${detail ? `  ${detail}` : ""}`);
    started = performance.now();
  };

  const main = await open(mainUrl);
  try {
    // --- validate
    const org = (
      await main.query<{ id: string; tenantDatabaseId: string | null }>(
        `SELECT "id", "tenantDatabaseId" FROM "Organization" WHERE "slug" = $1`,
        [slug],
      )
    ).rows[0];
    if (!org) throw new TenantMoveError(`No organization has the slug "${slug}".`);
    const organizationId = org.id;
    // One move of an organization at a time; the lock ends with this connection.
    const { rows: lockRows } = await main.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS "locked"`,
      [`keel.tenant_move:${organizationId}`],
    );
    if (!lockRows[0]?.locked)
      throw new TenantMoveError(`Another move of "${slug}" is running; try again when it ends.`);

    const registry = async (id: string | null, name: string | null) => {
      const { rows } = await main.query<{
        id: string;
        name: string;
        sealedUrl: string;
        status: string;
      }>(
        `SELECT "id", "name", "sealedUrl", "status"::text AS "status" FROM "TenantDatabase"
         WHERE "id" = $1 OR "name" = $2`,
        [id, name],
      );
      return rows[0];
    };
    const side = async (databaseId: string | null): Promise<Side> => {
      if (databaseId === null) return mainSide(main);
      const row = await registry(databaseId, null);
      if (!row) throw new TenantMoveError(`Tenant database ${databaseId} is not in the registry.`);
      return {
        name: row.name,
        databaseId: row.id,
        client: await open(openTenantDatabaseUrl(row.sealedUrl)),
      };
    };

    let targetId: string | null = null;
    if (to !== POOL) {
      const row = await registry(null, to);
      if (!row) throw new TenantMoveError(`No tenant database is registered as "${to}".`);
      if (row.status !== "ACTIVE")
        throw new TenantMoveError(
          `Tenant database "${to}" is ${row.status}: it takes no organizations.`,
        );
      targetId = row.id;
    }
    const source = await side(org.tenantDatabaseId);
    if (targetId === org.tenantDatabaseId) {
      // A move that died after its switch left the freeze: lift it, once caches have expired.
      const leftFrozen = await main.query(
        `SELECT 1 FROM "TenantWriteFreeze" WHERE "organizationId" = $1`,
        [organizationId],
      );
      if (leftFrozen.rowCount === 0)
        throw new TenantMoveError(
          `"${slug}" already lives in ${to === POOL ? "the pool" : `"${to}"`}.`,
        );
      await sleep(waitMs);
      for (const each of source.client === main ? [source] : [source, mainSide(main)])
        await unfreeze(each, organizationId);
      done(
        "unfreeze",
        `lifted the freeze an interrupted move left; ${slug} lives in ${source.name}`,
      );
      return { organizationId, from: source.name, to: source.name, tables: [], steps };
    }
    const target = await side(targetId);
    if (target.databaseId !== null) await appliedTenantMigrations(target);
    for (const { table } of TENANT_TABLES) await sharedColumns(source, target, table);
    const hook = async (step: MoveStep) => {
      await after[step]?.({ organizationId, source: source.client, target: target.client });
    };
    await hook("validate");
    done("validate", `${slug} (${organizationId}): ${source.name} → ${target.name}`);

    // The main database's freeze row is also what members' pages show as "being moved".
    const frozen: Side[] = [];
    // Every side is tried even when one fails: a side left frozen is named for the operator.
    const unfreezeAll = async () => {
      const stuck: string[] = [];
      for (const each of frozen.splice(0).reverse()) {
        for (let attempt = 1; ; attempt++) {
          try {
            await unfreeze(each, organizationId);
            break;
          } catch (error) {
            if (attempt >= DELETE_ATTEMPTS) {
              stuck.push(`${each.name} (${(error as Error).message})`);
              break;
            }
            await sleep(500 * attempt);
          }
        }
      }
      if (stuck.length > 0)
        throw new TenantMoveError(
          `Could not lift the write freeze in ${stuck.join(", ")}. Run the same command again to lift it.`,
        );
      done("unfreeze");
    };

    let switched = false;
    let tables: TableCount[] = [];
    try {
      for (const each of [
        source,
        target,
        ...(source.client === main || target.client === main ? [] : [mainSide(main)]),
      ]) {
        await freeze(each, organizationId);
        frozen.push(each);
      }
      await hook("freeze");
      done("freeze", frozen.map((each) => each.name).join(", "));

      await copyRows(source, target, organizationId);
      await hook("copy");
      done("copy");

      tables = await verify(source, target, organizationId);
      await hook("verify");
      done("verify", tables.map((t) => `${t.table} ${t.rows} rows`).join(", "));

      const moved = await inTransaction(main, organizationId, () =>
        main.query(
          `UPDATE "Organization" SET "tenantDatabaseId" = $2
           WHERE "id" = $1 AND "tenantDatabaseId" IS NOT DISTINCT FROM $3`,
          [organizationId, targetId, org.tenantDatabaseId],
        ),
      );
      if (moved.rowCount !== 1)
        throw new TenantMoveError(`"${slug}" changed place during the move; nothing was switched.`);
      switched = true;
      // This process (the console's job runs in an app instance) stops trusting the old place
      // now; other instances stop within PLACEMENT_CACHE_MS.
      forgetPlacements();
      done("switch");
    } catch (error) {
      // Before the switch the organization still lives at the source: drop the copy.
      if (!switched) {
        log(`failed: ${(error as Error).message}`);
        started = performance.now();
        try {
          await deleteRows(target, organizationId);
          await hook("roll-back");
          done("roll-back", `removed the copy from ${target.name}`);
        } catch (cleanup) {
          // Harmless where it is (the pointer does not name the target); the next run clears it.
          log(`could not remove the copy from ${target.name}: ${(cleanup as Error).message}`);
        } finally {
          await unfreezeAll();
        }
      }
      throw error;
    }

    const switchedAt = performance.now();
    let leftover: string | undefined;
    try {
      await hook("switch");
      // Instances that read the old place before the switch may still use it: both places hold
      // the same rows and both stay frozen until this has passed, whatever fails after here.
      await sleep(waitMs);
      await hook("wait");
      done("wait");

      for (let attempt = 1; ; attempt++) {
        try {
          await deleteRows(source, organizationId);
          await hook("delete-source");
          done("delete-source");
          break;
        } catch (error) {
          if (attempt >= DELETE_ATTEMPTS) {
            leftover = `The organization now lives in ${target.name}, but its old rows in ${source.name} could not be deleted (${(error as Error).message}). Nothing reads them; a later move back to ${source.name} clears them.`;
            log(leftover);
            break;
          }
          await sleep(500 * attempt);
        }
      }
    } finally {
      const remaining = waitMs - (performance.now() - switchedAt);
      if (remaining > 0) await sleep(remaining);
      await unfreezeAll();
    }
    return {
      organizationId,
      from: source.name,
      to: target.name,
      tables,
      steps,
      ...(leftover ? { leftover } : {}),
    };
  } finally {
    await Promise.allSettled(opened.map((client) => client.end()));
  }
}
