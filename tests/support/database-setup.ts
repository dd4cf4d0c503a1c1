import { createTestDatabase, testDatabaseServer } from "./test-database";

/**
 * Vitest global setup for the integration project: one freshly migrated database
 * for the run. Workers start after this and inherit DATABASE_URL from it.
 */
export default async function setup() {
  const server = testDatabaseServer();
  process.env.KEEL_TEST_DATABASE_SERVER = server ?? "";
  const database = await createTestDatabase(server);
  process.env.DATABASE_URL = database.url;
  if (database.embedded) process.env.KEEL_EMBEDDED_DB = "1";
  return async () => {
    await database.drop();
  };
}
