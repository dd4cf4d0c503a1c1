import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { assertLocalDatabase } from "@/lib/db/local-database-guard";

export const BENCH_SERVER =
  process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Extra projects in acme beyond the seed's three, so the list has pages. */
export const EXTRA_PROJECTS = 1_000;

export type BenchDatabase = { url: string; cookie: string; drop: () => Promise<void> };

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: assertLocalDatabase(BENCH_SERVER).toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Run inside the version under test, with its own migrations, seed and session format: the
// baseline's schema is older than this checkout's seed, so one shared seed cannot serve both.
// Only module paths both versions export are used.
const seedScript = `
import { createSession } from "@/lib/auth/session-store";
import { createDatabaseClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrate";
import { seed, demo } from "@/prisma/seed";

const [url, extra] = process.argv.slice(2);
await applyMigrations(url, { dir: "prisma/migrations" });
const db = createDatabaseClient(url, { poolSize: 2 });
try {
  await seed(db);
  await db.project.createMany({
    data: Array.from({ length: Number(extra) }, (_, i) => ({
      organizationId: demo.organization.id,
      name: \`Project \${i}\`,
      description: i % 10 === 0 ? \`About thing \${i}\` : null,
      createdById: demo.owner.id,
      createdAt: new Date(Date.UTC(2026, 1, 1) + i * 60_000),
    })),
  });
  await db.$executeRawUnsafe("ANALYZE");
  const { token } = await createSession(db, { userId: demo.owner.id });
  console.log(JSON.stringify({ token }));
} finally {
  await db.$disconnect();
}
`;

/**
 * A fresh database migrated and seeded by `appDir`'s own code: the demo organization (acme,
 * its owner and member) plus EXTRA_PROJECTS projects, and a session for the owner: the cookie
 * a signed-in request sends.
 */
export async function benchDatabase(appDir: string): Promise<BenchDatabase> {
  const name = `keel_bench_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(BENCH_SERVER);
  url.pathname = `/${name}`;
  const drop = () =>
    admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {});
  try {
    const script = path.join(appDir, ".bench-seed.mts");
    await writeFile(script, seedScript);
    const output = execFileSync(
      path.join(appDir, "node_modules/.bin/tsx"),
      ["--conditions=react-server", script, url.toString(), String(EXTRA_PROJECTS)],
      { cwd: appDir, stdio: ["ignore", "pipe", "inherit"], timeout: 120_000 },
    ).toString();
    const last = output.trim().split("\n").at(-1) ?? "";
    const { token } = JSON.parse(last) as { token: string };
    return { url: url.toString(), cookie: `keel.session=${token}`, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}
