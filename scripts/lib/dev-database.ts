import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";

/**
 * The persistent embedded database of `npm run dev`: PGlite files under .keel/pglite.
 *
 * PGlite does not lock its folder, and two processes writing it would corrupt it.
 * The dev server therefore records its pid and port in .keel/pglite.json; other
 * scripts (db:seed, db:reset) connect to that server instead of opening the folder.
 */

export const keelDir = path.join(process.cwd(), ".keel");
export const devDataDir = path.join(keelDir, "pglite");
const serverFile = path.join(keelDir, "pglite.json");
const DEFAULT_PORT = 55432;

type ServerRecord = { pid: number; url: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The URL of the embedded server a running `npm run dev` serves, if any. */
export async function runningDevDatabase(): Promise<string | undefined> {
  try {
    const record = JSON.parse(await readFile(serverFile, "utf8")) as ServerRecord;
    return isAlive(record.pid) ? record.url : undefined;
  } catch {
    return undefined;
  }
}

/** Opens the persistent embedded database and announces it to other scripts. */
export async function startDevDatabase(): Promise<EmbeddedDatabase> {
  const database = await startEmbeddedDatabase({ dataDir: devDataDir, port: DEFAULT_PORT });
  const record: ServerRecord = { pid: process.pid, url: database.url };
  await writeFile(serverFile, JSON.stringify(record));
  return {
    ...database,
    stop: async () => {
      await rm(serverFile, { force: true });
      await database.stop();
    },
  };
}
