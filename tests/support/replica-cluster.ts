import { execFile } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { createTestDatabase } from "./test-database";

const exec = promisify(execFile);

/**
 * A private primary and a hot-standby replica streaming from it, both on free ports in a
 * temporary directory. Not the machine's server: it has no replication line in pg_hba.conf.
 */
export type ReplicaCluster = {
  /** A migrated database on the primary, and the same database on the replica. */
  primaryUrl: string;
  replicaUrl: string;
  /** Runs one statement on the replica as the superuser (pausing or resuming replay). */
  onReplica(sql: string): Promise<void>;
  stopReplica(): Promise<void>;
  stop(): Promise<void>;
};

const BIN_CANDIDATES = [17, 16, 15, 14].map((v) => `/usr/lib/postgresql/${v}/bin`);

/** The directory with initdb, pg_ctl and pg_basebackup, or null on a machine without them. */
export function postgresBinaries(): string | null {
  const dirs = [process.env.KEEL_PG_BIN, ...BIN_CANDIDATES].filter(Boolean) as string[];
  return (
    dirs.find((dir) =>
      ["initdb", "pg_ctl", "pg_basebackup"].every((b) => existsSync(path.join(dir, b))),
    ) ?? null
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("port")),
      );
    });
  });
}

// PostgreSQL refuses to run as root: the clusters belong to the postgres OS user then.
async function clusterOwner(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const uid = Number((await exec("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await exec("id", ["-g", "postgres"])).stdout.trim());
  return { uid, gid };
}

export async function startReplicaCluster(bin: string): Promise<ReplicaCluster> {
  const owner = await clusterOwner();
  const root = mkdtempSync(path.join(os.tmpdir(), "keel-replica-"));
  if (owner) chownSync(root, owner.uid, owner.gid);
  const run = (tool: string, args: string[]) =>
    owner
      ? exec("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args])
      : exec(path.join(bin, tool), args);
  const primaryDir = path.join(root, "primary");
  const replicaDir = path.join(root, "replica");
  const started: string[] = [];

  const stopCluster = async (dir: string) => {
    if (!started.includes(dir)) return;
    started.splice(started.indexOf(dir), 1);
    await run("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
  };
  const stop = async () => {
    await Promise.all([stopCluster(replicaDir), stopCluster(primaryDir)]);
    rmSync(root, { recursive: true, force: true });
  };
  const start = async (dir: string) => {
    await run(
      "pg_ctl",
      ["-D", dir, "-l", path.join(root, `${path.basename(dir)}.log`)].concat([
        "-w",
        "-t",
        "60",
        "start",
      ]),
    );
    started.push(dir);
  };

  try {
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    await run("initdb", [
      "-D",
      primaryDir,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    // Durability off: the clusters live for one test file.
    appendFileSync(
      path.join(primaryDir, "postgresql.conf"),
      [
        `port = ${primaryPort}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${root}'`,
        "fsync = off",
        "synchronous_commit = off",
        "full_page_writes = off",
        "wal_level = replica",
        "max_wal_senders = 4",
        "max_connections = 40",
        "shared_buffers = 16MB",
        "hot_standby = on",
        "wal_receiver_status_interval = 1s",
        "",
      ].join("\n"),
    );
    appendFileSync(
      path.join(primaryDir, "pg_hba.conf"),
      "local replication all trust\nhost replication all 127.0.0.1/32 trust\n",
    );
    await start(primaryDir);
    const database = await createTestDatabase(
      `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`,
    );
    // Taken after the migrations, so the replica starts with the schema already in place.
    await run("pg_basebackup", [
      "-D",
      replicaDir,
      "-h",
      "127.0.0.1",
      "-p",
      String(primaryPort),
      "-U",
      "postgres",
      "-R",
      "-X",
      "stream",
      "-c",
      "fast",
      "--no-sync",
    ]);
    appendFileSync(path.join(replicaDir, "postgresql.conf"), `port = ${replicaPort}\n`);
    await start(replicaDir);

    const replicaUrl = new URL(database.url);
    replicaUrl.port = String(replicaPort);
    return {
      primaryUrl: database.url,
      replicaUrl: replicaUrl.toString(),
      async onReplica(sql) {
        const client = new pg.Client({ connectionString: replicaUrl.toString() });
        await client.connect();
        try {
          await client.query(sql);
        } finally {
          await client.end();
        }
      },
      stopReplica: () => stopCluster(replicaDir),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
