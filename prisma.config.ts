import { loadEnvConfig } from "@next/env";
import { defineConfig } from "prisma/config";

// Prisma 7 no longer reads .env itself; use the same loader Next.js uses so the
// CLI and the app agree on which files win.
loadEnvConfig(process.cwd());

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  // `prisma generate` needs no database, so a missing URL must not fail it.
  // Migrate commands fail with Prisma's own message when it is absent. They take locks and
  // run as the owner, so they bypass a transaction pooler in DATABASE_URL through DIRECT_URL.
  datasource: {
    url: process.env.DIRECT_URL || process.env.DATABASE_URL || "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
