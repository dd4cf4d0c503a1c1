import { spawn } from "node:child_process";
// @next/env is CommonJS without named exports Node can detect: import the whole module.
import nextEnv from "@next/env";
import { describeConnectionError } from "@/lib/db/tenant-databases/connection-error";
import {
  formatTenantMigrationReport,
  migrateTenantDatabases,
} from "@/lib/db/tenant-databases/migrate-all";
import { existingDevSecret } from "./lib/dev-secret";

/**
 * `npm run db:migrate`, the deploy step: `prisma migrate deploy` on the main database, then
 * prisma/tenant/migrations on every database in its registry of tenant databases, with a
 * line per database. A database that fails does not stop the others; the exit status is 1
 * when any failed, and running it again finishes what is left.
 */

// The files prisma.config.ts reads, so both steps find the same main database.
nextEnv.loadEnvConfig(process.cwd());

const main = spawn("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
const status = await new Promise<number | null>((resolve) => main.on("exit", resolve));
if (status !== 0) process.exit(status ?? 1);

// Migrations take locks and run as the owner: past a transaction pooler, as Prisma does.
const mainUrl = process.env.DIRECT_URL || process.env.DATABASE_URL || "";
const outcomes = await migrateTenantDatabases(mainUrl, {
  secret: process.env.AUTH_SECRET || (await existingDevSecret()),
  log: (line) => console.log(line),
}).catch((error: unknown) => {
  console.error(
    `Could not read the registry of tenant databases: ${describeConnectionError(error, mainUrl)}`,
  );
  process.exit(1);
});
console.log(`\n${formatTenantMigrationReport(outcomes)}`);
const failed = outcomes.filter((o) => !o.ok).length;
if (failed) {
  console.error(
    `\n${failed} tenant database(s) not migrated. Fix them and run \`npm run db:migrate\` again.`,
  );
}
process.exit(failed ? 1 : 0);
