import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accountDeletionSummary } from "@/lib/account/deletion-summary";
import { deleteUserAccount } from "@/lib/account/delete-account";
import { signInWithMagicLink, sendMagicLink } from "@/lib/auth/flows/magic-link";
import { confirmMailbox } from "@/lib/auth/flows/claim-unverified-account";
import { keelAuthAdapter } from "@/lib/auth/oauth/adapter";
import { inviteMembersAction } from "@/lib/invitations/actions";
import { adminDatabase } from "../support/admin-db";
import { callAs, organization, userWithSession } from "../support/tenant-request";

/**
 * Flows a new customer goes through: inviting several people at once (all or nothing), the
 * welcome email whichever way the account was made, and what deleting an account takes with it.
 */

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

const admin = adminDatabase();
const ctx = { ipAddress: null, userAgent: null };
let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.test`;

afterAll(async () => {
  await admin.$disconnect();
});

async function mailsTo(to: string, template: string) {
  const rows = await admin.outboxMessage.findMany({ orderBy: { createdAt: "asc" } });
  return rows.filter((r) => {
    const payload = r.payload as { to: string; template: string };
    return payload.to === to && payload.template === template;
  });
}

async function invitationsOf(organizationId: string) {
  return admin.invitation.findMany({ where: { organizationId }, select: { email: true } });
}

describe("inviting several people at once", () => {
  let org: Awaited<ReturnType<typeof organization>>;
  let owner: Awaited<ReturnType<typeof userWithSession>>;

  beforeAll(async () => {
    org = await organization(admin, "batch");
    owner = await userWithSession(admin, "batch-owner", { organizationId: org.id, role: "OWNER" });
  });

  it("invites every address of a pasted list, one email each", async () => {
    const a = uniqueEmail("batch-a");
    const b = uniqueEmail("batch-b");
    callAs(owner.token, org.slug);
    const result = await inviteMembersAction({
      emails: `${a.toUpperCase()},\n ${b}; ${a}`,
      role: "MEMBER",
    });
    expect(result).toMatchObject({ ok: true, data: { emails: [a, b] } });
    expect((await invitationsOf(org.id)).map((i) => i.email).sort()).toEqual([a, b].sort());
    expect(await mailsTo(a, "invitation")).toHaveLength(1);
    expect(await mailsTo(b, "invitation")).toHaveLength(1);
  });

  it("refuses the whole list over one bad address, naming it, and writes nothing", async () => {
    const good = uniqueEmail("batch-good");
    const before = await invitationsOf(org.id);
    callAs(owner.token, org.slug);
    const result = await inviteMembersAction({
      emails: `${good}, not-an-address@, ${uniqueEmail("batch-other")}`,
      role: "MEMBER",
    });
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok) return;
    expect(result.fieldErrors?.emails).toContain("“not-an-address@” is not an email address");
    expect(await invitationsOf(org.id)).toEqual(before);
    expect(await mailsTo(good, "invitation")).toHaveLength(0);
  });

  it("refuses the whole list when one address is already a member", async () => {
    const member = await userWithSession(admin, "batch-member", {
      organizationId: org.id,
      role: "MEMBER",
    });
    const fresh = uniqueEmail("batch-fresh");
    const before = await invitationsOf(org.id);
    callAs(owner.token, org.slug);
    const result = await inviteMembersAction({ emails: `${fresh}\n${member.email}` });
    expect(result).toMatchObject({ ok: false, status: 409 });
    if (result.ok) return;
    expect(result.fieldErrors?.emails).toBe(
      `${member.email} is already a member. Nothing was sent.`,
    );
    expect(await invitationsOf(org.id)).toEqual(before);
    expect(await mailsTo(fresh, "invitation")).toHaveLength(0);
  });

  it("counts the whole batch against the plan's seats", async () => {
    // Free: 3 seats, the owner takes one.
    const free = await organization(admin, "batch-free", { plan: "free", status: "FREE" });
    const freeOwner = await userWithSession(admin, "batch-free-owner", {
      organizationId: free.id,
      role: "OWNER",
    });
    const three = [uniqueEmail("seat-1"), uniqueEmail("seat-2"), uniqueEmail("seat-3")];
    callAs(freeOwner.token, free.slug);
    const refused = await inviteMembersAction({ emails: three.join(", ") });
    expect(refused).toMatchObject({ ok: false, status: 402, code: "plan_limit" });
    expect(await invitationsOf(free.id)).toEqual([]);
    for (const email of three) expect(await mailsTo(email, "invitation")).toHaveLength(0);

    callAs(freeOwner.token, free.slug);
    const fits = await inviteMembersAction({ emails: three.slice(0, 2).join(", ") });
    expect(fits).toMatchObject({ ok: true });
    expect(await invitationsOf(free.id)).toHaveLength(2);
  });

  it("lets a member without the permission invite no one", async () => {
    const member = await userWithSession(admin, "batch-plain", {
      organizationId: org.id,
      role: "MEMBER",
    });
    const email = uniqueEmail("batch-denied");
    callAs(member.token, org.slug);
    expect(await inviteMembersAction({ emails: email })).toMatchObject({ ok: false });
    expect(await mailsTo(email, "invitation")).toHaveLength(0);
  });
});

describe("the welcome email", () => {
  it("welcomes a magic-link sign-up once, however often they sign in", async () => {
    const email = uniqueEmail("welcome-magic");
    for (let i = 0; i < 2; i++) {
      await sendMagicLink(email, ctx);
      const [link] = (await mailsTo(email, "magicLink")).slice(-1);
      const token = /token=([A-Za-z0-9_-]+)/.exec((link!.payload as { text: string }).text)?.[1];
      expect((await signInWithMagicLink(token!, ctx)).status).toBe("signed-in");
    }
    expect(await mailsTo(email, "welcome")).toHaveLength(1);
  });

  it("welcomes an OAuth sign-up once: at creation, not again when the address is proved", async () => {
    const adapter = keelAuthAdapter();
    const email = uniqueEmail("welcome-oauth");
    const user = await adapter.createUser!({
      id: "ignored",
      email,
      name: "Octo Cat",
      emailVerified: null,
    });
    const row = await admin.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.emailVerified).toBeInstanceOf(Date);
    await admin.$transaction((tx) =>
      confirmMailbox(tx, { userId: user.id, via: "oauth", now: new Date(), ctx }),
    );
    const welcomes = await mailsTo(email, "welcome");
    expect(welcomes).toHaveLength(1);
    expect((welcomes[0]!.payload as { text: string }).text).toContain("Octo Cat");
  });

  it("welcomes a password sign-up once, when the address is confirmed", async () => {
    const user = await admin.user.create({
      data: { email: uniqueEmail("welcome-password"), emailVerified: null },
    });
    expect(await mailsTo(user.email, "welcome")).toHaveLength(0);
    for (let i = 0; i < 2; i++) {
      await admin.$transaction((tx) =>
        confirmMailbox(tx, {
          userId: user.id,
          via: "verification-link",
          ownSignUp: true,
          now: new Date(),
          ctx,
        }),
      );
    }
    expect(await mailsTo(user.email, "welcome")).toHaveLength(1);
  });
});

describe("the magic link's destination", () => {
  it("carries a page of ours and drops any other", async () => {
    const linkFor = async (callbackUrl: string) => {
      const email = uniqueEmail("magic-destination");
      await sendMagicLink(email, ctx, callbackUrl);
      const [mail] = await mailsTo(email, "magicLink");
      return /https?:\/\/\S+\/magic-link\?\S+/.exec((mail!.payload as { text: string }).text)?.[0];
    };
    expect(await linkFor("/organizations")).toMatch(/&callbackUrl=%2Forganizations$/);
    for (const evil of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
      expect(await linkFor(evil)).not.toContain("callbackUrl");
    }
  });
});

describe("what deleting an account takes with it", () => {
  it("lists the organizations only the user belongs to, with projects and plan, and the ones left", async () => {
    const user = await userWithSession(admin, "leaver");
    const solo = await organization(admin, "Solo Studio", { plan: "pro", status: "TRIALING" });
    await admin.membership.create({
      data: { userId: user.id, organizationId: solo.id, role: "OWNER" },
    });
    for (const name of ["One", "Two"]) {
      await admin.project.create({ data: { organizationId: solo.id, name } });
    }
    const shared = await organization(admin, "Shared Co");
    const otherOwner = await userWithSession(admin, "other-owner", {
      organizationId: shared.id,
      role: "OWNER",
    });
    await admin.membership.create({
      data: { userId: user.id, organizationId: shared.id, role: "MEMBER" },
    });

    const summary = await accountDeletionSummary(user.id);
    expect(summary).toEqual({
      deleted: [
        {
          name: "Solo Studio",
          slug: solo.slug,
          projects: 2,
          subscription: "Pro plan (trial), canceled at once",
        },
      ],
      blocked: [],
      left: [{ name: "Shared Co", slug: shared.slug }],
    });

    // The summary is what the deletion does.
    const result = await deleteUserAccount(user.id, ctx);
    expect(result).toEqual({ ok: true, organizationsDeleted: 1 });
    expect(await admin.organization.findUnique({ where: { id: solo.id } })).toBeNull();
    expect(await admin.organization.findUnique({ where: { id: shared.id } })).not.toBeNull();
    expect(
      await admin.membership.count({ where: { organizationId: shared.id, userId: otherOwner.id } }),
    ).toBe(1);
  });

  it("names an organization the user alone owns beside other members as blocking", async () => {
    const user = await userWithSession(admin, "sole-owner");
    const team = await organization(admin, "Team With Members");
    await admin.membership.create({
      data: { userId: user.id, organizationId: team.id, role: "OWNER" },
    });
    await userWithSession(admin, "teammate", { organizationId: team.id, role: "MEMBER" });
    const summary = await accountDeletionSummary(user.id);
    expect(summary).toEqual({
      deleted: [],
      blocked: [{ name: "Team With Members", slug: team.slug }],
      left: [],
    });
    expect(await deleteUserAccount(user.id, ctx)).toMatchObject({ ok: false });
  });
});
