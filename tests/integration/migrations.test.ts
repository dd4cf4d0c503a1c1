import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase } from "../support/test-database";

describe("migrations", () => {
  it("apply cleanly to an empty database and are recorded the way Prisma records them", async () => {
    const database = await createTestDatabase(undefined, { migrate: false });
    try {
      const first = await applyMigrations(database.url);
      expect(first.applied.length).toBeGreaterThan(0);
      expect(first.alreadyApplied).toBe(0);

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      await client.end();
      const tables = rows.map((r) => r.table_name);
      for (const table of ["User", "Organization", "Membership", "Subscription", "OutboxMessage"]) {
        expect(tables).toContain(table);
      }

      // A second run finds nothing to do.
      const second = await applyMigrations(database.url);
      expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    } finally {
      await database.drop();
    }
  });
});
