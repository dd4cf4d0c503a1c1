import { afterAll, describe, expect, it, vi } from "vitest";
import { createOrganizationAction } from "@/lib/organizations/actions";
import { SAMPLE_PROJECTS } from "@/lib/onboarding/samples";
import { createProjectAction } from "@/lib/projects/actions";
import type * as SampleProjects from "@/lib/onboarding/sample-projects";
import { adminDatabase } from "../support/admin-db";
import { callAs, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

// A switch that makes the step after the samples fail, to prove the samples and the
// organization are one transaction: the real function runs first and writes its rows.
const failAfterSamples = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/onboarding/sample-projects", async (importOriginal) => {
  const original = await importOriginal<typeof SampleProjects>();
  return {
    ...original,
    createSampleProjects: async (...args: Parameters<typeof original.createSampleProjects>) => {
      const created = await original.createSampleProjects(...args);
      if (failAfterSamples.on) throw new Error("the database went away after the samples");
      return created;
    },
  };
});

/** "Add sample projects" on the create-organization form, against a real database. */

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});
const slugFor = (label: string) => `${label}-${Date.now().toString(36)}`;

const projectsOf = (slug: string) =>
  admin.project.findMany({
    where: { organization: { slug } },
    select: { name: true, createdById: true },
    orderBy: { name: "asc" },
  });

describe("sample projects for a new organization", () => {
  it("are created only when asked, by the founder, and audited", async () => {
    const user = await userWithSession(admin, "sampler");
    callAs(user.token);
    const plain = slugFor("plain");
    expect(await createOrganizationAction({ name: "Plain", slug: plain })).toMatchObject({
      ok: true,
    });
    expect(await projectsOf(plain)).toEqual([]);

    const form = new FormData();
    form.set("name", "Sampled");
    form.set("slug", slugFor("sampled"));
    form.set("sampleProjects", "on");
    const result = await createOrganizationAction(form);
    expect(result).toMatchObject({ ok: true });
    const slug = result.ok ? result.data.slug : "";
    expect(await projectsOf(slug)).toEqual(
      SAMPLE_PROJECTS.map((p) => ({ name: p.name, createdById: user.id })).sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    );
    const entries = await admin.auditLog.findMany({
      where: { organization: { slug }, action: "project.created" },
      select: { actorId: true, metadata: true },
    });
    expect(entries).toHaveLength(SAMPLE_PROJECTS.length);
    expect(entries[0]).toMatchObject({ actorId: user.id, metadata: { sample: true } });
  });

  it("stay within the Free plan's project limit, leaving room for a real project", async () => {
    const user = await userWithSession(admin, "limits");
    callAs(user.token);
    const slug = slugFor("limited");
    await createOrganizationAction({ name: "Limited", slug, sampleProjects: true });
    const org = await admin.organization.findUniqueOrThrow({
      where: { slug },
      include: { subscription: true },
    });
    expect(org.subscription).toMatchObject({ plan: "free" });
    expect(await admin.project.count({ where: { organizationId: org.id } })).toBe(2);
    // Free allows three: the founder's own first project still fits, a fourth does not.
    callAs(user.token, slug);
    expect(await createProjectAction({ name: "Our real one" })).toMatchObject({ ok: true });
    expect(await createProjectAction({ name: "One too many" })).toMatchObject({
      ok: false,
      status: 402,
    });
  });

  it("refuse a value a checkbox does not send", async () => {
    const user = await userWithSession(admin, "odd");
    callAs(user.token);
    const slug = slugFor("odd");
    const result = await createOrganizationAction({ name: "Odd", slug, sampleProjects: "yes" });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(result.ok ? {} : result.fieldErrors).toHaveProperty("sampleProjects");
    expect(await admin.organization.count({ where: { slug } })).toBe(0);
  });

  it("and the organization are one transaction: a failure leaves neither", async () => {
    const user = await userWithSession(admin, "unlucky");
    callAs(user.token);
    const slug = slugFor("unlucky");
    failAfterSamples.on = true;
    try {
      const result = await createOrganizationAction({
        name: "Unlucky",
        slug,
        sampleProjects: "on",
      });
      expect(result).toMatchObject({ ok: false, status: 500 });
    } finally {
      failAfterSamples.on = false;
    }
    expect(await admin.organization.count({ where: { slug } })).toBe(0);
    expect(await admin.membership.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await admin.project.count({
        where: { name: { in: SAMPLE_PROJECTS.map((p) => p.name) }, createdById: user.id },
      }),
    ).toBe(0);
    // Nothing was left half-made: the same address works on the next try.
    expect(
      await createOrganizationAction({ name: "Unlucky", slug, sampleProjects: "on" }),
    ).toMatchObject({ ok: true });
    expect(await projectsOf(slug)).toHaveLength(SAMPLE_PROJECTS.length);
  });
});
