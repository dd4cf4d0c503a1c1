import type { TestProject } from "vitest/node";
import { preparePoolerLogin, testPoolerUrl, throughPooler } from "./pooler";
import { copyTestDatabase, createTestDatabase, testDatabaseServer } from "./test-database";
import { WORKER_DATABASE_PREFIX } from "./worker-database";

/**
 * Vitest global setup for the integration project: a freshly migrated database for each
 * worker, so files run side by side without seeing each other's rows (job queues, counts,
 * deleteMany in a beforeEach). Workers start after this and inherit the URLs; each picks its
 * own in tests/support/worker-database.ts. With TEST_DATABASE_POOLER_URL the app reaches its
 * database through the pooler, while DIRECT_URL (migrations, fixtures) goes straight to the
 * server, as in production. The embedded database serves one worker.
 */
export default async function setup(project: TestProject) {
  const server = testDatabaseServer();
  process.env.KEEL_TEST_DATABASE_SERVER = server ?? "";
  const first = await createTestDatabase(server);
  const databases = [first];
  // Copies of the migrated database are made by PostgreSQL itself, far faster than migrating.
  const workers = first.embedded ? 1 : project.config.maxWorkers;
  while (databases.length < workers) databases.push(await copyTestDatabase(server, first));
  if (first.embedded) process.env.KEEL_EMBEDDED_DB = "1";
  const pooler = first.embedded ? undefined : testPoolerUrl();
  if (pooler && server) await preparePoolerLogin(server, pooler);
  databases.forEach((database, index) => {
    const name = `${WORKER_DATABASE_PREFIX}${index + 1}`;
    process.env[name] = pooler ? throughPooler(database.url, pooler) : database.url;
    if (pooler) process.env[`${name}_DIRECT`] = database.url;
  });
  return async () => {
    await Promise.all(databases.map((database) => database.drop()));
  };
}
