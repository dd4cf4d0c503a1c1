import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase } from "@/tests/support/test-database";

/** A fresh in-memory database for a benchmark; the app modules are imported after it is set. */
export async function benchDatabase() {
  const database = await startEmbeddedDatabase();
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  return database;
}

/** A fresh, migrated database on a local PostgreSQL server (BENCH_DATABASE_URL), dropped by stop(). */
export async function serverBenchDatabase(server: string) {
  const database = await createTestDatabase(server);
  return { url: database.url, embedded: false, stop: database.drop };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function timeEach<T>(
  items: T[],
  run: (item: T) => Promise<unknown>,
): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const start = performance.now();
    await run(item);
    times.push(performance.now() - start);
  }
  return times;
}
