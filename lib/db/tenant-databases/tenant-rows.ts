import type pg from "pg";
import { inTransaction, quote, TenantMoveError, type Side } from "./owner-connection";
import { TENANT_TABLES } from "./tables";

const BATCH_ROWS = 1_000;

export type TableCount = { table: string; rows: number; checksum: string };

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY column_name`,
    [table],
  );
  return rows.map((row) => row.column_name);
}

export async function sharedColumns(source: Side, target: Side, table: string): Promise<string[]> {
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

export async function deleteRows(side: Side, organizationId: string): Promise<void> {
  await inTransaction(side.client, organizationId, async () => {
    for (const { table } of TENANT_TABLES)
      await side.client.query(`DELETE FROM ${quote(table)} WHERE "organizationId" = $1`, [
        organizationId,
      ]);
  });
}

// Batches travel as JSON, so timestamps and JSON documents are the same bytes on both sides.
export async function copyRows(source: Side, target: Side, organizationId: string): Promise<void> {
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

export async function verify(
  source: Side,
  target: Side,
  organizationId: string,
): Promise<TableCount[]> {
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
