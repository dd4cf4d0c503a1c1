import pg from "pg";

export const POOL = "pool";

const CONNECT_TIMEOUT_MS = 10_000;
// Freezing waits for writes already under way, which the app bounds well below this.
const STATEMENT_TIMEOUT_MS = 60_000;

export class TenantMoveError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TenantMoveError";
  }
}

export type Side = { name: string; databaseId: string | null; client: pg.Client };

export const mainSide = (client: pg.Client): Side => ({ name: POOL, databaseId: null, client });

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    lock_timeout: STATEMENT_TIMEOUT_MS,
    application_name: "tenant-move",
  });
  client.on("error", () => {});
  await client.connect();
  // Checksums compare rows as text: both sides must print values the same way.
  await client.query("SET DateStyle = ISO; SET TimeZone = 'UTC'; SET extra_float_digits = 3");
  return client;
}

// Owners still meet row-level security (the tables FORCE it): transactions name the organization.
export async function inTransaction<T>(
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

export const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
