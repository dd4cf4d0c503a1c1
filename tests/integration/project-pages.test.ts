import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/lib/db/tenant";
import { sliceProjects, type ProjectSlice } from "@/lib/projects/queries";
import type { ProjectCursor } from "@/lib/projects/cursor";
import { adminDatabase } from "../support/admin-db";
import { organization } from "../support/tenant-request";

const admin = adminDatabase();
let org: Awaited<ReturnType<typeof organization>>;
let other: Awaited<ReturnType<typeof organization>>;

beforeAll(async () => {
  org = await organization(admin, "pages");
  other = await organization(admin, "pages-other");
  // Pairs share a timestamp, so the id has to break ties without overlap or gaps.
  await admin.project.createMany({
    data: Array.from({ length: 45 }, (_, i) => ({
      organizationId: org.id,
      name: i === 7 ? "100% done" : `Item ${String(i).padStart(2, "0")}`,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, Math.floor(i / 2))),
    })),
  });
  await admin.project.create({ data: { organizationId: other.id, name: "Item elsewhere" } });
});
afterAll(async () => {
  await admin.$disconnect();
});

const slice = (query: { q?: string; after?: ProjectCursor; before?: ProjectCursor }) =>
  withTenant(org.id, (tx) => sliceProjects(tx, org.id, { q: "", ...query }));
const names = (page: ProjectSlice) => page.items.map((p) => p.name);

describe("projects by cursor", () => {
  it("walks every project once, forwards and back", async () => {
    const first = await slice({});
    expect(first).toMatchObject({ total: 45, newer: null });
    const second = await slice({ after: first.older! });
    const third = await slice({ after: second.older! });
    expect([first, second, third].map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(third.older).toBeNull();
    const all = [first, second, third].flatMap(names);
    expect(new Set(all).size).toBe(45);
    expect(all).not.toContain("Item elsewhere");

    const back = await slice({ before: third.newer! });
    expect(names(back)).toEqual(names(second));
    const start = await slice({ before: back.newer! });
    expect(names(start)).toEqual(names(first));
    expect(start.newer).toBeNull();
  });

  it("counts and lists the same matches, with wildcards taken literally", async () => {
    expect(await slice({ q: "%" })).toMatchObject({ total: 1, items: [{ name: "100% done" }] });
    const items = await slice({ q: "item 1" });
    expect(items.total).toBe(10);
    expect(items.items).toHaveLength(10);
  });
});
