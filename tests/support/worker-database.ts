/**
 * Setup file of the integration project: points this worker at its own database, made by
 * tests/support/database-setup.ts. Runs before each test file imports the app, which reads
 * DATABASE_URL (and DIRECT_URL behind a pooler) when it connects.
 */
export const WORKER_DATABASE_PREFIX = "KEEL_TEST_WORKER_DATABASE_";

const worker = process.env.VITEST_POOL_ID;
if (worker !== undefined) {
  const url = process.env[`${WORKER_DATABASE_PREFIX}${worker}`];
  if (!url) throw new Error(`No test database was made for worker ${worker}.`);
  process.env.DATABASE_URL = url;
  const direct = process.env[`${WORKER_DATABASE_PREFIX}${worker}_DIRECT`];
  if (direct) process.env.DIRECT_URL = direct;
}
