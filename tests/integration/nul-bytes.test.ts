import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requestSignUp } from "@/lib/auth/flows/requests";
import { updateOrganizationAction } from "@/lib/organizations/actions";
import {
  createProjectAction,
  getProjectAction,
  listProjectsAction,
  updateProjectAction,
} from "@/lib/projects/actions";
import { adminDatabase } from "../support/admin-db";
import { callAs, organization, userWithSession } from "../support/tenant-request";

/**
 * A NUL character in user text: PostgreSQL cannot store or compare it in a text column and
 * fails the whole query. Every input must be refused with a field message (422) before a
 * query runs, never answered with a 500, and nothing may be written.
 */

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

const admin = adminDatabase();
let org: Awaited<ReturnType<typeof organization>>;
let owner: Awaited<ReturnType<typeof userWithSession>>;

beforeAll(async () => {
  org = await organization(admin, "nul");
  owner = await userWithSession(admin, "owner", { organizationId: org.id, role: "OWNER" });
});
afterAll(async () => {
  await admin.$disconnect();
});

const nul = "Launch\u0000plan";

describe("text with a NUL character", () => {
  it("is refused with a field message in names, descriptions, searches and ids", async () => {
    callAs(owner.token, org.slug);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const cases = [
      ["name", await createProjectAction({ name: nul })],
      ["description", await createProjectAction({ name: "Fine", description: nul })],
      ["q", await listProjectsAction({ q: nul })],
      ["id", await getProjectAction({ id: "p\u0000" })],
      ["id", await updateProjectAction({ id: "p\u0000", name: "Fine" })],
      ["name", await updateOrganizationAction({ name: nul })],
    ] as const;
    for (const [field, result] of cases) {
      expect(result, field).toMatchObject({ ok: false, status: 422 });
      expect(result.ok ? undefined : result.fieldErrors?.[field], field).toMatch(/character/);
    }
    expect(await admin.project.count({ where: { organizationId: org.id } })).toBe(0);
    expect((await admin.organization.findUnique({ where: { id: org.id } }))?.name).not.toContain(
      "Launch",
    );
  });

  it("is refused in a sign-up's name before anything is queued", async () => {
    const result = await requestSignUp({
      name: nul,
      email: `nul-${Date.now()}@example.test`,
      password: "a long and unusual passphrase",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { name: expect.stringMatching(/character/) },
    });
  });
});
