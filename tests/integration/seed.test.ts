import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient, type Database } from "@/lib/db/create-client";
import { demo, seed } from "@/prisma/seed";

let db: Database;

beforeAll(() => {
  db = createDatabaseClient(process.env.DIRECT_URL || process.env.DATABASE_URL!, { poolSize: 2 });
});
afterAll(async () => {
  await db.$disconnect();
});

/** Every row the seed can touch, in a stable order, so two snapshots compare exactly. */
async function snapshot() {
  return {
    users: await db.user.findMany({ orderBy: { id: "asc" } }),
    organizations: await db.organization.findMany({ orderBy: { id: "asc" } }),
    memberships: await db.membership.findMany({ orderBy: { id: "asc" } }),
    subscriptions: await db.subscription.findMany({ orderBy: { id: "asc" } }),
    projects: await db.project.findMany({ orderBy: { id: "asc" } }),
    outbox: await db.outboxMessage.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("seed", () => {
  it("creates the demo organization with its owner, member and projects", async () => {
    await seed(db);
    const org = await db.organization.findUniqueOrThrow({
      where: { slug: demo.organization.slug },
      include: { memberships: { include: { user: true } }, projects: true },
    });
    const roles = Object.fromEntries(org.memberships.map((m) => [m.user.email, m.role]));
    expect(roles).toEqual({ [demo.owner.email]: "OWNER", [demo.member.email]: "MEMBER" });
    expect(org.projects).toHaveLength(demo.projects.length);
    const welcome = await db.outboxMessage.findMany({
      where: { dedupeKey: `seed:welcome:${demo.owner.id}` },
    });
    expect(welcome).toHaveLength(1);
  });

  it("is idempotent: a second run changes nothing", async () => {
    await seed(db);
    const before = await snapshot();
    await seed(db);
    expect(await snapshot()).toEqual(before);
  });

  it("runs as `npm run db:seed` and leaves the data unchanged the second time", async () => {
    // The script itself, as a developer runs it: catches module-loading errors that
    // importing seed() in-process would hide.
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const run = () =>
      promisify(execFile)(process.execPath, [tsx, "--conditions=react-server", "prisma/seed.ts"], {
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
        timeout: 60_000,
      });

    const first = await run();
    expect(first.stdout).toContain("Seeded the demo organization (acme)");
    const before = await snapshot();
    await run();
    expect(await snapshot()).toEqual(before);
  }, 120_000);
});
