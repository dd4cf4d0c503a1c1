import { createDatabaseClient, type Database } from "@/lib/db/create-client";

/**
 * A client on the test database that keeps the login role (a superuser on the test
 * servers), so row-level security does not apply: for fixtures spanning organizations
 * and for assertions about what is really stored. The app's own `db` runs as keel_app.
 */
export function adminDatabase(): Database {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through the integration project");
  return createDatabaseClient(url, { poolSize: 2, role: null });
}
