import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// Integration files run two at a time, each worker on a database of its own, where a
// PostgreSQL server is named (KEEL_TEST_WORKERS=1 runs them one after another); the
// embedded database serves one worker.
const databaseServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
const integrationWorkers = databaseServer ? Number(process.env.KEEL_TEST_WORKERS) || 2 : 1;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests call server code directly.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // A freshly migrated database per worker (tests/support/database-setup.ts).
          globalSetup: [
            "tests/support/database-setup.ts",
            "tests/support/stripe-setup.ts",
            "tests/support/s3-setup.ts",
          ],
          setupFiles: ["tests/support/worker-database.ts"],
          maxWorkers: integrationWorkers,
          fileParallelism: integrationWorkers > 1,
          // The tests send x-real-ip as Vercel would set it; files about forged client
          // addresses choose their own TRUSTED_PROXY. The secret seals tenant database URLs
          // (and anything else the app seals); files about it set their own.
          env: {
            TRUSTED_PROXY: "vercel",
            AUTH_SECRET: "an application secret for the integration tests",
          },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
