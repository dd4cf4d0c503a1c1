import { moveOrganization } from "@/lib/db/tenant-databases/move";
import { sealTenantDatabaseUrl } from "@/lib/db/tenant-databases/sealed-url";
import pg from "pg";

/**
 * Run by `npm run dev` with KEEL_DEMO_DEDICATED=1 (scripts/dev.ts), before `next dev` starts:
 * registers the second embedded database it started as "demo-dedicated" and moves the seeded
 * organization there, unless it already lives there. Usage: dedicated-demo.ts <tenant-db-url>.
 */

const DEMO_DATABASE = "demo-dedicated";
const DEMO_ORGANIZATION = "acme";

const tenantUrl = process.argv[2];
const mainUrl = process.env.DATABASE_URL;
if (!tenantUrl || !mainUrl) {
  console.error(
    "Usage: DATABASE_URL=… AUTH_SECRET=… tsx scripts/dedicated-demo.ts <tenant-db-url>",
  );
  process.exit(1);
}

const main = new pg.Client({ connectionString: mainUrl, connectionTimeoutMillis: 10_000 });
await main.connect();
let where: string | null | undefined;
try {
  // Its port may differ from the last run's: the registry keeps the current URL.
  await main.query(
    `INSERT INTO "TenantDatabase" ("id", "name", "sealedUrl", "updatedAt")
     VALUES ($1, $1, $2, now())
     ON CONFLICT ("name") DO UPDATE SET "sealedUrl" = EXCLUDED."sealedUrl", "updatedAt" = now()`,
    [DEMO_DATABASE, sealTenantDatabaseUrl(tenantUrl)],
  );
  const { rows } = await main.query<{ name: string | null }>(
    `SELECT d."name" FROM "Organization" o LEFT JOIN "TenantDatabase" d ON d."id" = o."tenantDatabaseId"
     WHERE o."slug" = $1`,
    [DEMO_ORGANIZATION],
  );
  where = rows.length === 0 ? undefined : (rows[0]?.name ?? null);
} finally {
  await main.end();
}

if (where === undefined) {
  console.log(`no organization "${DEMO_ORGANIZATION}" to move`);
} else if (where === DEMO_DATABASE) {
  console.log(`${DEMO_ORGANIZATION} lives in ${DEMO_DATABASE}`);
} else {
  // No app instance is running yet: nothing to wait for after the switch.
  const report = await moveOrganization({
    mainUrl,
    slug: DEMO_ORGANIZATION,
    to: DEMO_DATABASE,
    waitMs: 0,
    log: (line) => console.log(`  ${line}`),
  });
  console.log(`${DEMO_ORGANIZATION} moved from ${report.from} to ${DEMO_DATABASE}`);
}
