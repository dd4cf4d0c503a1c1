import { createDatabaseClient, type Database } from "@/lib/db/create-client";
import { clientOptionsFor } from "@/lib/db/profile";

/**
 * A client on the test database that keeps the login role (a superuser on the test
 * servers), so row-level security does not apply: for fixtures spanning organizations
 * and for assertions about what is really stored. On PostgreSQL the app's own `db` runs
 * as keel_app.
 *
 * On the embedded database the app's client already keeps the login role (its scoped
 * transactions switch role for themselves), and every connection shares one backend
 * whose socket server can interleave the messages of concurrent connections. There the
 * tests use the app's own single connection, so nothing interleaves.
 */
export function adminDatabase(): Database {
  // DIRECT_URL when the app goes through a pooler, whose login is the app role.
  const url = process.env.DIRECT_URL || process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through the integration project");
  if (process.env.KEEL_EMBEDDED_DB === "1") {
    const shared = globalThis as unknown as { keelDb?: Database };
    shared.keelDb ??= createDatabaseClient(url, clientOptionsFor("embedded"));
    return shared.keelDb;
  }
  return createDatabaseClient(url, { poolSize: 2, role: null });
}
