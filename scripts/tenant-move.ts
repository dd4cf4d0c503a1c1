// @next/env is CommonJS without named exports Node can detect: import the whole module.
import nextEnv from "@next/env";

/**
 * `npm run tenant:move -- <slug> --to <database-name>` moves an organization's projects and
 * audit log to a registered tenant database; `--to pool` brings them back to the main one.
 * Members see "being moved" and cannot change anything for the few seconds it takes
 * (README, "Moving an organization").
 */

const usage =
  "Usage: npm run tenant:move -- <organization-slug> --to <tenant-database-name>\n" +
  "       npm run tenant:move -- <organization-slug> --to pool";

function parse(argv: string[]): { slug: string; to: string } | null {
  let slug: string | undefined;
  let to: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--to") to = argv[++i];
    else if (arg.startsWith("--to=")) to = arg.slice("--to=".length);
    else if (!arg.startsWith("-") && slug === undefined) slug = arg;
    else return null;
  }
  return slug && to ? { slug, to } : null;
}

const args = parse(process.argv.slice(2));
if (!args) {
  console.error(usage);
  process.exit(1);
}

// Before lib/env is first imported: AUTH_SECRET opens the tenant databases' URLs.
nextEnv.loadEnvConfig(process.cwd(), true);
const { moveOrganization, TenantMoveError } = await import("@/lib/db/tenant-databases/move");
const { runningDevDatabase } = await import("./lib/dev-database");

const mainUrl = process.env.DIRECT_URL || process.env.DATABASE_URL || (await runningDevDatabase());
if (!mainUrl) {
  console.error("Set DATABASE_URL (or DIRECT_URL), or start `npm run dev` first.");
  process.exit(1);
}

console.log(`Moving ${args.slug} to ${args.to}:`);
const started = performance.now();
try {
  const report = await moveOrganization({
    mainUrl,
    slug: args.slug,
    to: args.to,
    log: (line) => console.log(`  ${line}`),
  });
  const total = Math.round(performance.now() - started);
  console.log(`Done in ${total} ms: ${args.slug} now lives in ${report.to}.`);
  if (report.leftover) {
    console.error(report.leftover);
    process.exit(2);
  }
  process.exit(0);
} catch (error) {
  const message = error instanceof TenantMoveError ? error.message : String(error);
  console.error(`Move failed: ${message}`);
  if (!(error instanceof TenantMoveError)) console.error(error);
  process.exit(1);
}
