import type { Database } from "@/lib/db/create-client";
import { enqueueEmail } from "@/lib/outbox/enqueue";

/**
 * Demo data for development and the end-to-end suite: the Acme organization with
 * an owner, a member and a few projects, plus a welcome email for the dev mailbox.
 *
 * Idempotent: every row has a fixed key and is upserted with an empty update, so a
 * second run changes nothing (not even `updatedAt`).
 */

export const demo = {
  owner: { id: "seed_user_ada", email: "ada@acme.test", name: "Ada Lovelace" },
  member: { id: "seed_user_grace", email: "grace@acme.test", name: "Grace Hopper" },
  organization: { id: "seed_org_acme", slug: "acme", name: "Acme" },
  projects: [
    { id: "seed_project_website", name: "Website relaunch", description: "New marketing site." },
    { id: "seed_project_mobile", name: "Mobile app", description: "iOS and Android clients." },
    { id: "seed_project_billing", name: "Billing migration", description: null },
  ],
} as const;

// Fixed, so re-seeding never changes a row.
const seededAt = new Date("2026-01-01T00:00:00.000Z");

export async function seed(db: Database): Promise<void> {
  const { owner, member, organization, projects } = demo;
  await db.$transaction(async (tx) => {
    for (const user of [owner, member]) {
      await tx.user.upsert({
        where: { id: user.id },
        create: { ...user, emailVerified: seededAt, createdAt: seededAt },
        update: {},
      });
    }
    // Ada runs the operator console locally (it still asks her to turn on 2FA first).
    await tx.user.updateMany({
      where: { id: owner.id, staffSince: null },
      data: { staffSince: seededAt },
    });
    // The organization and its tenant rows pass row-level security like the app's own
    // writes do, so the seed also works when the login role is the tables' owner rather
    // than a superuser.
    await tx.$executeRaw`SELECT set_config('app.org_id', ${organization.id}, true)`;
    await tx.organization.upsert({
      where: { id: organization.id },
      create: { ...organization, createdAt: seededAt },
      update: {},
    });
    const memberships = [
      { userId: owner.id, role: "OWNER" as const },
      { userId: member.id, role: "MEMBER" as const },
    ];
    for (const { userId, role } of memberships) {
      await tx.membership.upsert({
        where: { organizationId_userId: { organizationId: organization.id, userId } },
        create: { organizationId: organization.id, userId, role, createdAt: seededAt },
        update: {},
      });
    }
    await tx.subscription.upsert({
      where: { organizationId: organization.id },
      create: { organizationId: organization.id, status: "FREE", plan: "free", seats: 2 },
      update: {},
    });
    // Moved to a dedicated database (KEEL_DEMO_DEDICATED=1): its projects are there already.
    const placed = await tx.organization.findUniqueOrThrow({
      where: { id: organization.id },
      select: { tenantDatabaseId: true },
    });
    for (const project of placed.tenantDatabaseId ? [] : projects) {
      await tx.project.upsert({
        where: { id: project.id },
        create: {
          ...project,
          organizationId: organization.id,
          createdById: owner.id,
          createdAt: seededAt,
        },
        update: {},
      });
    }
    await enqueueEmail(tx, {
      to: owner.email,
      template: "welcome",
      data: { name: owner.name },
      dedupeKey: `seed:welcome:${owner.id}`,
    });
  });
}

// `npm run db:seed`
if (import.meta.url === `file://${process.argv[1]}`) {
  const { withScriptDatabase } = await import("../scripts/lib/script-database");
  await withScriptDatabase(async (db) => {
    await seed(db);
    console.log("Seeded the demo organization (acme) and its users.");
    if (process.argv.includes("--demo-history")) {
      const { seedDemoHistory } = await import("./seed-demo-history");
      const { added } = await seedDemoHistory(db);
      console.log(`Seeded 24 months of billing history for ${added} new demo organizations.`);
    }
  });
}
