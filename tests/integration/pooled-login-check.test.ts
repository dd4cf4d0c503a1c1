import { describe, expect, it } from "vitest";
import { APP_ROLE, createDatabaseClient } from "@/lib/db/create-client";

describe("a client behind a transaction pooler", () => {
  it("refuses to serve when its login does not default to the app role", async () => {
    // The tests' direct login keeps its own role, as an app login set up without
    // `ALTER ROLE … SET role = 'keel_app'` would: it must not run a query with that role.
    const client = createDatabaseClient(process.env.DIRECT_URL || process.env.DATABASE_URL!, {
      poolSize: 1,
      maxUses: 1,
      role: APP_ROLE,
      pooled: true,
    });
    try {
      await expect(client.$queryRaw`SELECT 1`).rejects.toThrow(/SET role = 'keel_app'/);
    } finally {
      await client.$disconnect();
    }
  });
});
