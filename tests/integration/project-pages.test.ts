import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/lib/db/tenant";
import { sliceProjects, type ProjectSlice } from "@/lib/projects/queries";
import type { ProjectCursor } from "@/lib/projects/cursor";
import { SEARCH_PROBE } from "@/lib/projects/search";
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

  it("names each project's author, and no one for a deleted author", async () => {
    const [author, gone] = await Promise.all(
      ["author", "gone"].map((who) =>
        admin.user.create({
          data: { email: `${who}-${org.id}@example.test`, name: who === "author" ? "Ada" : null },
        }),
      ),
    );
    const base = { organizationId: org.id, createdAt: new Date(Date.UTC(2027, 0, 1)) };
    await admin.project.create({ data: { ...base, name: "By Ada", createdById: author!.id } });
    await admin.project.create({ data: { ...base, name: "By gone", createdById: gone!.id } });
    await admin.user.delete({ where: { id: gone!.id } });
    try {
      const page = await slice({});
      expect(page.total).toBe(47);
      expect(page.items.slice(0, 2).map((p) => [p.name, p.createdBy])).toEqual(
        expect.arrayContaining([
          ["By Ada", { name: "Ada", email: author!.email }],
          ["By gone", null],
        ]),
      );
      expect(page.items.slice(2).every((p) => p.createdBy === null)).toBe(true);
    } finally {
      await admin.project.deleteMany({
        where: { organizationId: org.id, name: { startsWith: "By " } },
      });
      await admin.user.delete({ where: { id: author!.id } });
    }
  });

  it("counts and lists the same matches, with wildcards taken literally", async () => {
    expect(await slice({ q: "%" })).toMatchObject({ total: 1, items: [{ name: "100% done" }] });
    const items = await slice({ q: "item 1" });
    expect(items.total).toBe(10);
    expect(items.items).toHaveLength(10);
  });
});

describe("project search", () => {
  let searched: Awaited<ReturnType<typeof organization>>;
  const COMMON = SEARCH_PROBE + 22;
  const RARE = 25;

  beforeAll(async () => {
    searched = await organization(admin, "search");
    // Common and rare terms interleaved in time, pairs sharing a timestamp (ties by id); some
    // rare matches only in the description. The other organization holds matches of both.
    await admin.project.createMany({
      data: [
        ...Array.from({ length: COMMON }, (_, i) => ({
          organizationId: searched.id,
          name: `Common ${String(i).padStart(2, "0")}`,
          createdAt: new Date(Date.UTC(2026, 1, 1, 0, Math.floor(i / 2))),
        })),
        ...Array.from({ length: RARE }, (_, i) => ({
          organizationId: searched.id,
          name: i % 3 === 0 ? `Plain ${i}` : `Rarity ${String(i).padStart(2, "0")}`,
          description: i % 3 === 0 ? `Notes on rarity ${i}` : null,
          createdAt: new Date(Date.UTC(2026, 1, 1, 0, Math.floor(i / 2), 30)),
        })),
      ],
    });
    await admin.project.createMany({
      data: [
        { organizationId: other.id, name: "Common elsewhere" },
        { organizationId: other.id, name: "Rarity elsewhere" },
      ],
    });
  });

  const search = (q: string, query: { after?: ProjectCursor; before?: ProjectCursor } = {}) =>
    withTenant(searched.id, (tx) => sliceProjects(tx, searched.id, { q, ...query }));

  // The order the list promises, as PostgreSQL sorts it: newest first, ties by id.
  const expected = async (term: string) =>
    (
      await admin.$queryRaw<{ name: string }[]>`
        SELECT "name" FROM "Project"
        WHERE "organizationId" = ${searched.id}
          AND ("name" ILIKE ${`%${term}%`} OR "description" ILIKE ${`%${term}%`})
        ORDER BY "createdAt" DESC, "id" DESC`
    ).map((row) => row.name);

  async function everyPage(q: string) {
    const pages = [await search(q)];
    while (pages.at(-1)!.older) pages.push(await search(q, { after: pages.at(-1)!.older! }));
    return pages;
  }

  it("pages through a term with more matches than it counts, newest first, forwards and back", async () => {
    const pages = await everyPage("common");
    expect(pages.flatMap(names)).toEqual(await expected("common"));
    expect(pages.flatMap(names)).toHaveLength(COMMON);
    // More matches than the probe: "50+", not a count of every match.
    expect(pages[0]!.total).toBeGreaterThan(pages[0]!.countCap);
    expect(pages[0]!.countCap).toBe(SEARCH_PROBE);
    const back = await search("common", { before: pages[2]!.newer! });
    expect(names(back)).toEqual(names(pages[1]!));
    const start = await search("common", { before: back.newer! });
    expect(names(start)).toEqual(names(pages[0]!));
    expect(start.newer).toBeNull();
  });

  it("counts a rare term exactly and pages it in the same order, descriptions included", async () => {
    const pages = await everyPage("rarity");
    expect(pages.flatMap(names)).toEqual(await expected("rarity"));
    expect(pages.flatMap(names)).toHaveLength(RARE);
    expect(pages.map((page) => page.items.length)).toEqual([20, 5]);
    expect(pages[0]!.total).toBe(RARE);
    expect(pages[0]!.total).toBeLessThanOrEqual(pages[0]!.countCap);
    const back = await search("rarity", { before: pages[1]!.newer! });
    expect(names(back)).toEqual(names(pages[0]!));
    expect(back.newer).toBeNull();
  });

  it("never lists or counts another organization's matches", async () => {
    for (const term of ["common", "rarity", "elsewhere"]) {
      const all = (await everyPage(term)).flatMap(names);
      expect(all).not.toContain("Common elsewhere");
      expect(all).not.toContain("Rarity elsewhere");
    }
    expect(await search("elsewhere")).toMatchObject({ total: 0, items: [] });
  });

  it("names the authors of matches, whether the term is rare or common", async () => {
    const author = await admin.user.create({
      data: { email: `finder-${searched.id}@example.test`, name: "Grace" },
    });
    const named = ["Common 00", "Rarity 01"];
    await admin.project.updateMany({
      where: { organizationId: searched.id, name: { in: named } },
      data: { createdById: author.id },
    });
    try {
      for (const [term, name] of [
        ["common", "Common 00"],
        ["rarity", "Rarity 01"],
      ] as const) {
        const items = (await everyPage(term)).flatMap((page) => page.items);
        const byGrace = items.filter((item) => item.createdBy !== null);
        expect(
          byGrace.map((item) => [item.name, item.createdBy]),
          term,
        ).toEqual([[name, { name: "Grace", email: author.email }]]);
      }
    } finally {
      await admin.project.updateMany({
        where: { organizationId: searched.id, name: { in: named } },
        data: { createdById: null },
      });
      await admin.user.delete({ where: { id: author.id } });
    }
  });

  it("finds nothing for a term nobody used, and takes wildcards literally in both paths", async () => {
    expect(await search("c0ffee")).toMatchObject({ total: 0, items: [], older: null });
    expect(await search("_")).toMatchObject({ total: 0, items: [] });
    expect(await search("common%0")).toMatchObject({ total: 0, items: [] });
  });
});
