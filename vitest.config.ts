import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

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
          // One database for the run, freshly migrated; files run one at a time against it.
          globalSetup: [
            "tests/support/database-setup.ts",
            "tests/support/stripe-setup.ts",
            "tests/support/s3-setup.ts",
          ],
          fileParallelism: false,
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
