import {
  addTenantDatabase,
  closeTenantDatabase,
  formatTenantDatabaseList,
  listTenantDatabases,
} from "@/lib/db/tenant-databases/registry";
import { existingDevSecret } from "./lib/dev-secret";
import { withScriptDatabase } from "./lib/script-database";

/**
 * `npm run tenant:db -- add <name> <url>`: migrates the database with prisma/tenant/migrations,
 * then registers it with its URL sealed (refused when it cannot be migrated).
 * `npm run tenant:db -- list`: name, status and organizations of each, never the URL.
 * `npm run tenant:db -- close <name>`: gives it no new organizations; those in it stay.
 */

const usage = `Usage: npm run tenant:db -- add <name> <postgresql-url>
       npm run tenant:db -- list
       npm run tenant:db -- close <name>`;
const [command, name, url, ...extra] = process.argv.slice(2);
const valid =
  extra.length === 0 &&
  ((command === "add" && name && url) ||
    (command === "list" && !name) ||
    (command === "close" && name && !url));
if (!valid) {
  console.error(usage);
  process.exit(1);
}

let code = 0;
await withScriptDatabase(async (db) => {
  if (command === "list") {
    console.log(formatTenantDatabaseList(await listTenantDatabases(db)));
  } else if (command === "add") {
    const result = await addTenantDatabase(
      db,
      { name: name!, url: url! },
      {
        secret: process.env.AUTH_SECRET || (await existingDevSecret()),
        log: (line) => console.log(line),
      },
    );
    if (!result.ok) {
      console.error(result.error);
      code = 1;
    } else {
      console.log(
        `Registered ${name} (${result.applied.length} migration(s) applied). Move organizations to it with \`npm run tenant:move -- <organization> --to ${name}\`.`,
      );
    }
  } else {
    const result = await closeTenantDatabase(db, name!);
    if (!result.ok) {
      console.error(result.error);
      code = 1;
    } else {
      console.log(
        `${name} ${result.changed ? "is now closed" : "was already closed"}: it gets no new organizations; the ${result.organizations} in it stay and it is still migrated.`,
      );
    }
  }
});
process.exit(code);
