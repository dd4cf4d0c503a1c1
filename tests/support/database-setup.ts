import { preparePoolerLogin, testPoolerUrl, throughPooler } from "./pooler";
import { createTestDatabase, testDatabaseServer } from "./test-database";

/**
 * Vitest global setup for the integration project: one freshly migrated database
 * for the run. Workers start after this and inherit DATABASE_URL from it. With
 * TEST_DATABASE_POOLER_URL the app reaches that database through the pooler, while
 * DIRECT_URL (migrations, fixtures) goes straight to the server, as in production.
 */
export default async function setup() {
  const server = testDatabaseServer();
  process.env.KEEL_TEST_DATABASE_SERVER = server ?? "";
  const database = await createTestDatabase(server);
  process.env.DATABASE_URL = database.url;
  if (database.embedded) process.env.KEEL_EMBEDDED_DB = "1";
  const pooler = testPoolerUrl();
  if (pooler && server && !database.embedded) {
    await preparePoolerLogin(server, pooler);
    process.env.DIRECT_URL = database.url;
    process.env.DATABASE_URL = throughPooler(database.url, pooler);
  }
  return async () => {
    await database.drop();
  };
}
