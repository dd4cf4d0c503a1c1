import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { billingSnapshot } from "@/lib/billing/plans/entitlements";
import { memberBillingSnapshot } from "@/lib/billing/plans/member-snapshot";
import { withTenant } from "@/lib/db/tenant";
import { getCurrentMember, type CurrentMember } from "@/lib/tenancy/current-member";
import { adminDatabase } from "../support/admin-db";
import { queryText } from "../support/query-plans";
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
  pg.Client.prototype.query = sendQuery;
});

// Every statement the app's client sends, as the server receives it (the app's client is
// created on first use, after this is installed).
const sent: string[] = [];
const sendQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const text = queryText(args[0]);
  if (text) sent.push(text.trim());
  return (sendQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

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

  it("opens with one statement that enters the organization and reads its billing snapshot", async () => {
    const endsAt = new Date(Date.UTC(2031, 0, 2, 3, 4, 5, 678));
    await admin.organization.update({
      where: { id: mine.id },
      data: { compPlan: "business", compEndsAt: endsAt, seatLimit: 7 },
    });
    await admin.subscription.upsert({
      where: { organizationId: mine.id },
      create: { organizationId: mine.id, plan: "pro", status: "PAST_DUE", pastDueSince: endsAt },
      update: { plan: "pro", status: "PAST_DUE", pastDueSince: endsAt },
    });
    await admin.featureFlagOverride.create({
      data: {
        organizationId: mine.id,
        flag: "audit_log",
        enabled: true,
        expiresAt: endsAt,
        reason: "trial of the audit log",
      },
    });

    callAs(user.token, mine.slug);
    sent.length = 0;
    // As app/org/[slug]/layout.tsx and a page do: the plan, then the page's reads.
    const member = (await getCurrentMember())!;
    const entered = await memberBillingSnapshot(member);
    const names = await member.read((tx) => tx.project.findMany({ select: { name: true } }));
    await new Promise((resolve) => setTimeout(resolve, 20)); // The commit, a loop turn later.
    expect(names).toEqual([{ name: "Ours" }]);
    const begin = sent.findIndex((text) => /^BEGIN/i.test(text));
    const commit = sent.findIndex((text) => /^COMMIT/i.test(text));
    const inside = sent.slice(begin + 1, commit);
    // The tenant reads of a page: its entry, then its own reads (here one).
    expect(inside).toHaveLength(2);
    expect(inside[0]).toMatch(/keel_enter_member/);
    expect(inside[1]).toMatch(/"Project"/);

    // The same plan inputs a separate read finds, timestamps to the millisecond.
    const separate = await withTenant(mine.id, (tx) => billingSnapshot(tx, mine.id));
    expect(entered).toEqual(separate);
    expect(entered).toMatchObject({
      plan: "pro",
      status: "PAST_DUE",
      pastDueSince: endsAt,
      comp: { plan: "business", endsAt },
      seatLimit: 7,
      flagOverrides: [{ flag: "audit_log", enabled: true, expiresAt: endsAt }],
    });
  });
});
