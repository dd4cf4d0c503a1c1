import pg from "pg";
import { applyMigrations, tenantMigrationsDir } from "../migrate";
import { describeConnectionError } from "./connection-error";
import { openUrlWith } from "./url-seal";

export const TENANT_CONNECT_TIMEOUT_MS = 10_000;
export const TENANT_LOCK_TIMEOUT_MS = 10_000;
// A few at a time: no server is hit by all at once, and one slow database holds up no others.
const CONCURRENCY = 4;

type Registered = { name: string; sealedUrl: string; status: string };

export type TenantMigrationOutcome = { name: string; status: string } & (
  { ok: true; applied: string[] } | { ok: false; reason: string }
);

export type TenantMigrationOptions = {
  /** AUTH_SECRET, which sealed the registry's URLs. */
  secret: string | undefined;
  dir?: string;
  connectTimeoutMs?: number;
  lockTimeoutMs?: number;
  log?: (line: string) => void;
};

async function readRegistry(mainUrl: string, connectTimeoutMs: number): Promise<Registered[]> {
  const client = new pg.Client({
    connectionString: mainUrl,
    connectionTimeoutMillis: connectTimeoutMs,
  });
  await client.connect();
  try {
    // Every status: a closed database still holds the data of the organizations pointing at it.
    const { rows } = await client.query<Registered>(
      `SELECT "name", "sealedUrl", "status"::text AS "status" FROM "TenantDatabase" ORDER BY "name"`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

async function migrateOne(
  database: Registered,
  {
    secret,
    dir = tenantMigrationsDir,
    connectTimeoutMs,
    lockTimeoutMs,
    log,
  }: TenantMigrationOptions,
): Promise<TenantMigrationOutcome> {
  const { name, status } = database;
  let url: string;
  try {
    url = openUrlWith(database.sealedUrl, secret);
  } catch (error) {
    return {
      name,
      status,
      ok: false,
      reason: `its URL does not open: ${(error as Error).message}`,
    };
  }
  try {
    const { applied } = await applyMigrations(url, {
      dir,
      connectTimeoutMs: connectTimeoutMs ?? TENANT_CONNECT_TIMEOUT_MS,
      lockTimeoutMs: lockTimeoutMs ?? TENANT_LOCK_TIMEOUT_MS,
      log: (line) => log?.(`${name}: ${line}`),
    });
    return { name, status, ok: true, applied };
  } catch (error) {
    return { name, status, ok: false, reason: describeConnectionError(error, url) };
  }
}

// One database failing does not stop the others. Safe to rerun: applied migrations are skipped.
export async function migrateTenantDatabases(
  mainUrl: string,
  options: TenantMigrationOptions,
): Promise<TenantMigrationOutcome[]> {
  const registry = await readRegistry(
    mainUrl,
    options.connectTimeoutMs ?? TENANT_CONNECT_TIMEOUT_MS,
  );
  const outcomes: TenantMigrationOutcome[] = new Array(registry.length);
  let next = 0;
  async function worker() {
    while (next < registry.length) {
      const index = next++;
      outcomes[index] = await migrateOne(registry[index]!, options);
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, registry.length) }, worker));
  return outcomes;
}

export function formatTenantMigrationReport(outcomes: TenantMigrationOutcome[]): string {
  if (outcomes.length === 0) return "No tenant databases registered.";
  const rows = outcomes.map((o) => [
    o.name,
    o.status,
    !o.ok ? `FAILED: ${o.reason}` : o.applied.length ? `applied ${o.applied.length}` : "up to date",
  ]);
  const header = ["tenant database", "status", "migrations"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
