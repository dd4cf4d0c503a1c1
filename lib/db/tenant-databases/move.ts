import { readdir } from "node:fs/promises";
import type pg from "pg";
import {
  connect,
  inTransaction,
  mainSide,
  POOL,
  TenantMoveError,
  type Side,
} from "./owner-connection";
import { env } from "@/lib/env";
import { tenantMigrationsDir } from "../migrate";
import { forgetPlacements, PLACEMENT_CACHE_MS } from "./placement";
import { openTenantDatabaseUrl } from "./sealed-url";
import { TENANT_TABLES } from "./tables";
import { copyRows, deleteRows, sharedColumns, verify, type TableCount } from "./tenant-rows";
import { freeze, unfreeze } from "./write-freeze";

export { POOL, TenantMoveError } from "./owner-connection";
export { tenantChecksums, type TableCount } from "./tenant-rows";

const SWITCH_MARGIN_MS = 2_000;

// Both places stay frozen until no instance can still write the old one: a cached placement lives
// PLACEMENT_CACHE_MS, a transaction opened before the switch DATABASE_TRANSACTION_TIMEOUT_MS.
function switchWaitMs(): number {
  return Math.max(PLACEMENT_CACHE_MS, env.DATABASE_TRANSACTION_TIMEOUT_MS) + SWITCH_MARGIN_MS;
}
const DELETE_ATTEMPTS = 3;

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
  to: string;
  waitMs?: number;
  log?: (line: string) => void;
  /** Runs after the named step succeeds; a throw there counts as that step failing (tests). */
  after?: Partial<Record<MoveStep, (ctx: MoveHookContext) => Promise<void>>>;
};

export type MoveHookContext = { organizationId: string; source: pg.Client; target: pg.Client };

export type MoveReport = {
  organizationId: string;
  from: string;
  to: string;
  tables: TableCount[];
  steps: { step: MoveStep; ms: number }[];
  leftover?: string;
};

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function moveOrganization(options: MoveOptions): Promise<MoveReport> {
  const { mainUrl, slug, to, log = () => {}, after = {} } = options;
  const waitMs = options.waitMs ?? switchWaitMs();
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
      // Other instances stop trusting the old place within PLACEMENT_CACHE_MS.
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
      // Both places hold the same rows and stay frozen until this has passed, whatever fails.
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
