import { createDatabaseClient, type Database } from "@/lib/db/create-client";
import { applyMigrations, tenantMigrationsDir } from "@/lib/db/migrate";
import { clientOptionsFor } from "@/lib/db/profile";
import { sealTenantDatabaseUrl } from "@/lib/db/tenant-databases/sealed-url";
import { createTestDatabase, type TestDatabase } from "./test-database";

export type DedicatedDatabase = {
  id: string;
  name: string;
  url: string;
  /** The login role on the tenant database: row-level security does not apply. */
  admin: Database;
  drop(): Promise<void>;
};

/** A new database with the tenant schema, registered in the main database as `name`. */
export async function createDedicatedDatabase(
  mainAdmin: Database,
  name: string,
): Promise<DedicatedDatabase> {
  process.env.AUTH_SECRET ??= "an application secret for the dedicated tenant tests";
  const database: TestDatabase = await createTestDatabase(undefined, { migrate: false });
  await applyMigrations(database.url, { dir: tenantMigrationsDir });
  const row = await mainAdmin.tenantDatabase.create({
    data: { name, sealedUrl: sealTenantDatabaseUrl(database.url) },
    select: { id: true },
  });
  const admin = createDatabaseClient(
    database.url,
    database.embedded ? clientOptionsFor("embedded") : { poolSize: 2, role: null },
  );
  return {
    id: row.id,
    name,
    url: database.url,
    admin,
    // The test database is shared by every file: leave no organization pointing at it, nor
    // the registry naming a database that is gone.
    async drop() {
      await forgetDedicatedDatabase(mainAdmin, row.id);
      await admin.$disconnect();
      await database.drop();
    },
  };
}

/** Points an organization at a dedicated database (what the move command does last). */
export async function placeOrganization(
  mainAdmin: Database,
  organizationId: string,
  databaseId: string | null,
): Promise<void> {
  await mainAdmin.organization.update({
    where: { id: organizationId },
    data: { tenantDatabaseId: databaseId },
  });
}

/** Takes a database out of the registry, with every organization pointing at it back home. */
export async function forgetDedicatedDatabase(mainAdmin: Database, databaseId: string) {
  await mainAdmin.organization.updateMany({
    where: { tenantDatabaseId: databaseId },
    data: { tenantDatabaseId: null },
  });
  await mainAdmin.tenantDatabase.deleteMany({ where: { id: databaseId } });
}
