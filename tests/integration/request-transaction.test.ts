import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getCurrentMember, type CurrentMember } from "@/lib/tenancy/current-member";
import { adminDatabase } from "../support/admin-db";
import { callAs, organization, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());

const admin = adminDatabase();
let mine: Awaited<ReturnType<typeof organization>>;
let theirs: Awaited<ReturnType<typeof organization>>;
let user: Awaited<ReturnType<typeof userWithSession>>;

beforeAll(async () => {
  mine = await organization(admin, "mine");
  theirs = await organization(admin, "theirs");
  user = await userWithSession(admin, "reader", { organizationId: mine.id, role: "MEMBER" });
  await admin.project.createMany({
    data: [
      { organizationId: mine.id, name: "Ours" },
      { organizationId: theirs.id, name: "Not ours" },
    ],
  });
});
afterAll(async () => {
  await admin.$disconnect();
});

const txid = async (read: CurrentMember["read"]) =>
  read(
    async (tx) => (await tx.$queryRaw<{ id: string }[]>`SELECT txid_current()::text AS id`)[0]?.id,
  );

describe("an organization page's one transaction", () => {
  it("enters only the organization the membership row names", async () => {
    callAs(user.token, mine.slug);
    const member = await getCurrentMember();
    expect(member?.organization.id).toBe(mine.id);
    expect(member?.memberships.map((m) => m.organization.slug)).toEqual([mine.slug]);
    const names = await member!.read((tx) => tx.project.findMany({ select: { name: true } }));
    expect(names).toEqual([{ name: "Ours" }]);

    callAs(user.token, theirs.slug);
    expect(await getCurrentMember()).toBeNull();
  });

  it("runs reads issued together in one transaction, and recovers from a failed one", async () => {
    callAs(user.token, mine.slug);
    const member = (await getCurrentMember())!;
    const [a, b] = await Promise.all([txid(member.read), txid(member.read)]);
    expect(a).toBe(b);
    // Without read replicas a lag-tolerant list is one more read of the same transaction.
    const [c, d] = await Promise.all([txid(member.read), txid(member.readReplica)]);
    expect(c).toBe(d);
    await expect(member.read((tx) => tx.$queryRaw`SELECT 1/0`)).rejects.toThrow();
    const names = await member.read((tx) => tx.project.findMany({ select: { name: true } }));
    expect(names).toEqual([{ name: "Ours" }]);
  });
});
