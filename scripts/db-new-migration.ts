import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedDatabase } from "@/lib/db/embedded";

/**
 * `npm run db:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the committed migrations to prisma/schema.prisma.
 * `npm run db:new -- --tenant <name>`: the same for the tenant schema, prisma/tenant/schema.prisma
 * and prisma/tenant/migrations (what a dedicated tenant database gets).
 *
 * Prisma computes the diff by replaying the migrations into a scratch "shadow"
 * database; two throwaway in-memory PostgreSQL servers stand in for the main and
 * shadow databases, so no database needs to be running and none is touched.
 */

const args = process.argv.slice(2);
const tenant = args[0] === "--tenant";
const name = tenant ? args[1] : args[0];
if (!name || !/^[a-z0-9_]+$/.test(name) || args.length !== (tenant ? 2 : 1)) {
  console.error(
    "Usage: npm run db:new -- [--tenant] <name>   (lowercase letters, digits, underscores)",
  );
  process.exit(1);
}
const [migrations, schema] = tenant
  ? [path.join("prisma", "tenant", "migrations"), path.join("prisma", "tenant", "schema.prisma")]
  : [path.join("prisma", "migrations"), path.join("prisma", "schema.prisma")];

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(migrations, `${stamp}_${name}`);
// Written outside prisma/migrations first: Prisma rejects a migration folder without its file.
const scratch = path.join(await mkdtemp(path.join(tmpdir(), "keel-migration-")), "migration.sql");

const main = await startEmbeddedDatabase();
const shadow = await startEmbeddedDatabase();
try {
  // Asynchronous on purpose: both servers run in this process and must keep answering.
  const child = spawn(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--from-migrations",
      migrations,
      "--to-schema",
      schema,
      "--script",
      "--output",
      scratch,
    ],
    {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: main.url, SHADOW_DATABASE_URL: shadow.url },
    },
  );
  const status = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (status !== 0) throw new Error("prisma migrate diff failed");
  const sql = await readFile(scratch, "utf8").catch(() => "");
  if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ""))) {
    console.log(`${schema} matches the migrations: nothing to write.`);
  } else {
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "migration.sql"), sql);
    console.log(
      tenant
        ? `Wrote ${folder}/migration.sql. Review it (row-level security, grants to keel_app), make the same change in prisma/schema.prisma with \`npm run db:new -- <name>\`; \`npm run db:migrate\` applies it to every registered tenant database.`
        : `Wrote ${folder}/migration.sql. Review it, then restart \`npm run dev\` to apply it.`,
    );
  }
} finally {
  await rm(path.dirname(scratch), { recursive: true, force: true });
  await main.stop();
  await shadow.stop();
}
