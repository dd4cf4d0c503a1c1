import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findInvitationByToken } from "@/lib/invitations/accept";
import {
  acceptInvitationAction,
  acceptInvitationByIdAction,
  inviteMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
} from "@/lib/invitations/actions";
import {
  changeRoleAction,
  leaveOrganizationAction,
  removeMemberAction,
} from "@/lib/members/actions";
import { organizationUrl } from "@/lib/tenancy/links";
import { describeAuditEntry } from "@/lib/audit-log/describe-entry";
import { listAuditLogAction } from "@/lib/audit-log/list-action";
import { adminDatabase } from "../support/admin-db";
import { callAs, organization, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

const admin = adminDatabase();
let org: Awaited<ReturnType<typeof organization>>;
let owner: Awaited<ReturnType<typeof userWithSession>>;

beforeAll(async () => {
  org = await organization(admin, "inviting");
  owner = await userWithSession(admin, "owner", { organizationId: org.id, role: "OWNER" });
});
afterAll(async () => {
  await admin.$disconnect();
});

/** The token in the newest invitation email to `to`, as the recipient would click it. */
async function mailedToken(to: string): Promise<string> {
  const message = await admin.outboxMessage.findFirstOrThrow({
    where: { payload: { path: ["to"], equals: to } },
    orderBy: { createdAt: "desc" },
  });
  const text = (message.payload as { text: string }).text;
  const token = /invitations\/accept\?token=([\w-]+)/.exec(text)?.[1];
  if (!token) throw new Error("no invitation link in the email");
  return token;
}

async function invite(email: string, role: "MEMBER" | "ADMIN" | "OWNER" = "MEMBER") {
  callAs(owner.token, org.slug);
  const result = await inviteMemberAction({ email, role });
  if (!result.ok) throw new Error(result.error);
  return { id: result.data.invitationId, token: await mailedToken(email.toLowerCase()) };
}

describe("invitations", () => {
  it("stores only the hash of the emailed token, expires it after 7 days", async () => {
    const email = `hashed-${Date.now()}@example.test`;
    const { id, token } = await invite(email);
    const row = await admin.invitation.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    expect((await findInvitationByToken(token))?.state).toBe("valid");
    const later = new Date(row.expiresAt.getTime() + 1000);
    expect((await findInvitationByToken(token, later))?.state).toBe("expired");
  });

  it("is accepted once by the invited, confirmed address, with the invited role", async () => {
    const invitee = await userWithSession(admin, "invitee");
    const { token } = await invite(invitee.email.toUpperCase(), "ADMIN");
    const stranger = await userWithSession(admin, "stranger");
    callAs(stranger.token);
    expect(await acceptInvitationAction({ token })).toMatchObject({ ok: false, status: 403 });

    callAs(invitee.token);
    // Two tabs pressing "Join" at once: one membership.
    const results = await Promise.all([
      acceptInvitationAction({ token }),
      acceptInvitationAction({ token }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409 });
    const memberships = await admin.membership.findMany({
      where: { organizationId: org.id, userId: invitee.id },
    });
    expect(memberships).toMatchObject([{ role: "ADMIN" }]);
    expect(await admin.membership.count({ where: { userId: stranger.id } })).toBe(0);
    expect(await acceptInvitationAction({ token })).toMatchObject({ ok: false, status: 409 });
  });

  it("waits for an unconfirmed address to be confirmed", async () => {
    const invitee = await userWithSession(admin, "unconfirmed", undefined, { verified: false });
    const { token, id } = await invite(invitee.email);
    callAs(invitee.token);
    expect(await acceptInvitationAction({ token })).toMatchObject({ ok: false, status: 403 });
    expect(await acceptInvitationByIdAction({ invitationId: id })).toMatchObject({ ok: false });
    expect(await admin.membership.count({ where: { userId: invitee.id } })).toBe(0);
  });

  it("is accepted from the pending list only by its addressee", async () => {
    const invitee = await userWithSession(admin, "listed");
    const { id } = await invite(invitee.email);
    const other = await userWithSession(admin, "other");
    callAs(other.token);
    expect(await acceptInvitationByIdAction({ invitationId: id })).toMatchObject({ status: 404 });
    callAs(invitee.token);
    expect(await acceptInvitationByIdAction({ invitationId: id })).toMatchObject({ ok: true });
  });

  it("resending kills the old link, withdrawing kills the link", async () => {
    const email = `resend-${Date.now()}@example.test`;
    const { id, token: first } = await invite(email);
    callAs(owner.token, org.slug);
    expect(await resendInvitationAction({ invitationId: id })).toMatchObject({ ok: true });
    const second = await mailedToken(email);
    expect(second).not.toBe(first);
    expect(await findInvitationByToken(first)).toBeNull();
    expect((await findInvitationByToken(second))?.state).toBe("valid");
    expect(await revokeInvitationAction({ invitationId: id })).toMatchObject({ ok: true });
    expect((await findInvitationByToken(second))?.state).toBe("revoked");
    expect(await revokeInvitationAction({ invitationId: id })).toMatchObject({ status: 404 });
  });

  it("renews an open invitation instead of duplicating it, and refuses members and bad input", async () => {
    const email = `twice-${Date.now()}@example.test`;
    await invite(email);
    await invite(email);
    expect(await admin.invitation.count({ where: { organizationId: org.id, email } })).toBe(1);
    callAs(owner.token, org.slug);
    const existing = await inviteMemberAction({ email: owner.email, role: "MEMBER" });
    expect(existing.ok ? "" : existing.fieldErrors?.email).toMatch(/already a member/);
    const bad = await inviteMemberAction({ email: "not an address", role: "MEMBER" });
    expect(bad).toMatchObject({ ok: false, status: 422 });
    expect(bad.ok ? "" : bad.fieldErrors?.email).toMatch(/email address/);
  });

  it("sends one address at most 10 invitations a day across organizations, answering the same", async () => {
    const email = `flooded-${Date.now()}@example.test`;
    const { id, token: lastDelivered } = await invite(email);
    callAs(owner.token, org.slug);
    const answers = [];
    for (let i = 0; i < 9; i++) answers.push(await resendInvitationAction({ invitationId: id }));
    const delivered = await mailedToken(email);
    // Past the cap, another organization's invitation and this one's resend send nothing…
    const other = await organization(admin, "other-inviter");
    const otherOwner = await userWithSession(admin, "other-owner", {
      organizationId: other.id,
      role: "OWNER",
    });
    callAs(otherOwner.token, other.slug);
    const fromOther = await inviteMemberAction({ email, role: "MEMBER" });
    callAs(owner.token, org.slug);
    answers.push(await resendInvitationAction({ invitationId: id }));

    const sent = await admin.outboxMessage.count({
      where: { payload: { path: ["to"], equals: email } },
    });
    expect(sent).toBe(10);
    // …yet answer like any invitation, and the last link that went out still works.
    expect(fromOther).toMatchObject({ ok: true, data: { invitationId: expect.any(String) } });
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toEqual({ ok: true, data: { invitationId: id } });
    expect(delivered).not.toBe(lastDelivered);
    expect((await findInvitationByToken(delivered))?.state).toBe("valid");
  });

  it("lets only owners invite owners, and members invite nobody", async () => {
    const adminUser = await userWithSession(admin, "adm", {
      organizationId: org.id,
      role: "ADMIN",
    });
    const member = await userWithSession(admin, "mem", { organizationId: org.id, role: "MEMBER" });
    const before = await admin.invitation.count({ where: { organizationId: org.id } });
    callAs(adminUser.token, org.slug);
    expect(
      await inviteMemberAction({ email: `boss-${Date.now()}@example.test`, role: "OWNER" }),
    ).toMatchObject({ status: 403 });
    callAs(member.token, org.slug);
    expect(
      await inviteMemberAction({ email: `pal-${Date.now()}@example.test`, role: "MEMBER" }),
    ).toMatchObject({ status: 403 });
    expect(await admin.invitation.count({ where: { organizationId: org.id } })).toBe(before);
  });
});

/** The emails of one template queued to `to`, newest first. */
async function queued(to: string, template: string) {
  const messages = await admin.outboxMessage.findMany({
    where: {
      kind: "email",
      AND: [
        { payload: { path: ["to"], equals: to } },
        { payload: { path: ["template"], equals: template } },
      ],
    },
    orderBy: { createdAt: "desc" },
  });
  return messages.map((m) => m.payload as { subject: string; text: string });
}

describe("the member joined email", () => {
  it("goes to every owner but not to the joiner, with who joined and as what", async () => {
    const shop = await organization(admin, "joined-mail");
    const first = await userWithSession(admin, "first-owner", {
      organizationId: shop.id,
      role: "OWNER",
    });
    const second = await userWithSession(admin, "second-owner", {
      organizationId: shop.id,
      role: "OWNER",
    });
    const helper = await userWithSession(admin, "helper-admin", {
      organizationId: shop.id,
      role: "ADMIN",
    });
    const joiner = await userWithSession(admin, "joiner");
    callAs(first.token, shop.slug);
    const invited = await inviteMemberAction({ email: joiner.email, role: "ADMIN" });
    if (!invited.ok) throw new Error(invited.error);
    callAs(joiner.token);
    expect(await acceptInvitationAction({ token: await mailedToken(joiner.email) })).toMatchObject({
      ok: true,
    });

    for (const to of [first.email, second.email]) {
      const [mail, ...more] = await queued(to, "memberJoined");
      expect(more).toHaveLength(0);
      expect(mail?.subject).toContain(`joined ${shop.name}`);
      expect(mail?.text).toContain(joiner.email);
      expect(mail?.text).toContain("as an admin");
      expect(mail?.text).toContain(organizationUrl(shop.slug, "/members"));
    }
    expect(await queued(helper.email, "memberJoined")).toHaveLength(0);
    expect(await queued(joiner.email, "memberJoined")).toHaveLength(0);
  });
});

describe("members", () => {
  it("keeps at least one owner: the last owner cannot leave, be demoted or be removed", async () => {
    const solo = await organization(admin, "solo");
    const only = await userWithSession(admin, "only", { organizationId: solo.id, role: "OWNER" });
    const helper = await userWithSession(admin, "helper", {
      organizationId: solo.id,
      role: "ADMIN",
    });
    callAs(only.token, solo.slug);
    expect(await leaveOrganizationAction({})).toMatchObject({ status: 409 });
    callAs(helper.token, solo.slug);
    expect(await removeMemberAction({ membershipId: only.membershipId })).toMatchObject({
      status: 403,
    });
    expect(
      await changeRoleAction({ membershipId: only.membershipId, role: "MEMBER" }),
    ).toMatchObject({ status: 403 });
    expect(
      await admin.membership.count({ where: { organizationId: solo.id, role: "OWNER" } }),
    ).toBe(1);
  });

  it("lets an owner promote, demote and remove, and a member leave", async () => {
    const team = await organization(admin, "team");
    const boss = await userWithSession(admin, "boss", { organizationId: team.id, role: "OWNER" });
    const pal = await userWithSession(admin, "pal", { organizationId: team.id, role: "MEMBER" });
    const leaver = await userWithSession(admin, "leaver", {
      organizationId: team.id,
      role: "MEMBER",
    });
    callAs(boss.token, team.slug);
    expect(await changeRoleAction({ membershipId: pal.membershipId, role: "OWNER" })).toMatchObject(
      {
        ok: true,
      },
    );
    // Two owners now: one may step down to admin.
    callAs(pal.token, team.slug);
    expect(
      await changeRoleAction({ membershipId: boss.membershipId, role: "ADMIN" }),
    ).toMatchObject({ ok: true });
    expect(await removeMemberAction({ membershipId: boss.membershipId })).toMatchObject({
      ok: true,
    });
    callAs(leaver.token, team.slug);
    expect(await leaveOrganizationAction({})).toMatchObject({ ok: true });
    const left = await admin.membership.findMany({ where: { organizationId: team.id } });
    expect(left.map((m) => [m.userId, m.role])).toEqual([[pal.id, "OWNER"]]);
    const actions = await admin.auditLog.findMany({
      where: { organizationId: team.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    // The one whose role changed hears of it, in words, from whom.
    const [promoted] = await queued(pal.email, "roleChanged");
    expect(promoted?.subject).toBe(`Your role in ${team.name} changed`);
    expect(promoted?.text).toContain("boss changed your role");
    expect(promoted?.text).toContain("from a member to an owner");
    expect(promoted?.text).toContain(organizationUrl(team.slug));
    const [demoted] = await queued(boss.email, "roleChanged");
    expect(demoted?.text).toContain("from an owner to an admin");
    expect(await queued(leaver.email, "roleChanged")).toHaveLength(0);
    expect(actions.map((a) => a.action)).toEqual([
      "member.role_changed",
      "member.role_changed",
      "member.removed",
      "member.left",
    ]);
    // The owner reads them as sentences, naming the people they were about.
    callAs(pal.token, team.slug);
    const log = await listAuditLogAction({});
    expect(log.ok && log.data.entries.map(describeAuditEntry)).toEqual([
      "leaver left the organization.",
      "pal removed boss from the organization.",
      "pal changed boss’s role from Owner to Admin.",
      "boss changed pal’s role from Member to Owner.",
    ]);
  });
});
