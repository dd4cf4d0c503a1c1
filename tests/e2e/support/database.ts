import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { e2ePort } from "./app";

/**
 * One statement on the e2e server's embedded database, for what no page may do (making someone
 * staff is `npm run staff`, a CLI). A simple query on its own connection. The embedded server
 * shares one backend between connections, so a statement may land inside a request's transaction
 * and go with it: callers check what they wrote and write again until it holds.
 */
export async function e2eQuery<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const file = path.join(os.tmpdir(), `keel-e2e-${e2ePort}.database-url`);
  const client = new pg.Client({ connectionString: (await readFile(file, "utf8")).trim() });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A literal for an address the test made up itself (letters, digits, - . @ only). */
export function sqlText(value: string): string {
  if (!/^[\w.@+-]+$/.test(value)) throw new Error(`Not a plain address: ${value}`);
  return `'${value}'`;
}

/** The metrics fixture's organizations, loaded by the e2e server before it starts the app. */
export const e2eMetricsFixturePrefix = "e2e-metrics";
