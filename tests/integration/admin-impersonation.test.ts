import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { adminDatabase } from "../support/admin-db";
import { staffWithSession } from "../support/staff";
import { organization, userWithSession } from "../support/tenant-request";

/**
 * "View as": a staff member sees the app as a customer. The impersonation is bound to the staff
 * member's own session and lasts 30 minutes at most; billing, deletion, credentials, new API keys
 * and joining organizations are refused; everything else is recorded as the staff member acting
 * as the user; and the user finds the access, who and why, in their own security history.
 */

// The browser of each call: its Host and its cookie jar (set by the code under test, too).
const browser = vi.hoisted(() => ({
  headers: new Headers({ host: "localhost:3000" }),
  jar: new Map<string, string>(),
  written: new Map<string, { value: string; httpOnly?: boolean; expires?: Date }>(),
}));
vi.mock("next/headers", () => ({
  headers: async () => browser.headers,
  cookies: async () => ({
    get: (name: string) => {
      const value = browser.jar.get(name);
      return value === undefined ? undefined : { name, value };
    },
    set: (name: string, value: string, options: { maxAge?: number; httpOnly?: boolean }) => {
      browser.written.set(name, { value, ...options });
      if (options.maxAge === 0) browser.jar.delete(name);
      else browser.jar.set(name, value);
    },
  }),
}));
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

const admin = adminDatabase();
const SESSION = "keel.session";
const VIEWING = "keel.viewing-as";
const BANNER = "keel.viewing-as-banner";
const REFUSED = "Not available while viewing as a customer.";
const REASON = "Ticket 4211: the customer cannot find the billing page";

/** The next calls come from a browser holding these cookies, on the root host or `slug`'s. */
function browse(cookies: { session?: string; viewing?: string }, slug?: string) {
  browser.jar.clear();
  browser.written.clear();
  if (cookies.session) browser.jar.set(SESSION, cookies.session);
  if (cookies.viewing) browser.jar.set(VIEWING, cookies.viewing);
  browser.headers = new Headers({
    host: slug ? `${slug}.localhost:3000` : "localhost:3000",
    "x-real-ip": "198.51.100.77",
  });
}

const load = async () => ({
  ...(await import("@/lib/admin/actions/impersonation")),
  ...(await import("@/lib/auth/current-session")),
});

async function world() {
  const org = await organization(admin, "viewed");
  const customer = await userWithSession(admin, "customer", {
    organizationId: org.id,
    role: "OWNER",
  });
  const staff = await staffWithSession(admin, "Sam Support");
  await admin.user.update({ where: { id: staff.id }, data: { name: "Sam Support" } });
  return { org, customer, staff };
}

/** Starts viewing as `userId` from the staff member's browser; returns the impersonation token. */
async function viewAs(staff: { token: string }, userId: string, reason = REASON) {
  const { impersonateUserAction } = await load();
  browse({ session: staff.token });
  const result = await impersonateUserAction({ userId, reason });
  expect(result).toEqual({ ok: true, data: { userId } });
  const token = browser.jar.get(VIEWING);
  expect(token).toBeTruthy();
  return token!;
}

async function impersonating() {
  const w = await world();
  const viewing = await viewAs(w.staff, w.customer.id);
  return { ...w, viewing };
}

async function currentUser() {
  const { getCurrentSession } = await load();
  return getCurrentSession();
}

const stopRequest = () =>
  new Request("http://localhost:3000/api/account/impersonation/stop", {
    method: "POST",
    headers: { origin: "http://localhost:3000", host: "localhost:3000" },
  });

describe("starting and stopping", () => {
  it("opens the app as the user, on the root host and the organization's subdomain", async () => {
    const { org, customer, staff, viewing } = await impersonating();
    expect(browser.written.get(VIEWING)).toMatchObject({ httpOnly: true });
    const banner = browser.written.get(BANNER);
    expect(banner?.httpOnly).toBe(false);
    expect(JSON.parse(banner!.value)).toEqual({
      viewing: `customer (${customer.email})`,
      by: "Sam Support",
    });

    browse({ session: staff.token, viewing });
    const session = await currentUser();
    expect(session?.user.id).toBe(customer.id);
    expect(session?.impersonator).toMatchObject({ id: staff.id, name: "Sam Support" });

    const { listProjectsAction } = await import("@/lib/projects/actions");
    browse({ session: staff.token, viewing }, org.slug);
    expect((await listProjectsAction({})).ok).toBe(true);

    const started = await admin.auditLog.findFirstOrThrow({
      where: { action: "staff.impersonation_started", targetId: customer.id },
    });
    expect(started).toMatchObject({ actorId: staff.id, targetType: "user" });
    expect(started.metadata).toMatchObject({ reason: REASON, staff: true });
  });

  it("stops: ends the session, clears both cookies, records it and returns to the user's page", async () => {
    const { customer, staff, viewing } = await impersonating();
    const { POST } = await import("@/app/api/account/impersonation/stop/route");
    browse({ session: staff.token, viewing });
    const response = await POST(stopRequest());
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `http://localhost:3000/admin/users/${customer.id}`,
    );
    expect(browser.jar.has(VIEWING)).toBe(false);
    expect(browser.jar.has(BANNER)).toBe(false);
    expect(
      await admin.session.count({ where: { userId: customer.id, impersonatorId: staff.id } }),
    ).toBe(0);
    const ended = await admin.auditLog.findFirstOrThrow({
      where: { action: "staff.impersonation_ended", targetId: customer.id },
    });
    expect(ended.actorId).toBe(staff.id);

    browse({ session: staff.token, viewing });
    expect((await currentUser())?.user.id).toBe(staff.id);
  });

  it("lasts 30 minutes at most, and is gone after that", async () => {
    const { customer, staff, viewing } = await impersonating();
    const row = await admin.session.findFirstOrThrow({
      where: { userId: customer.id, impersonatorId: staff.id },
    });
    expect(row.expires.getTime() - row.createdAt.getTime()).toBe(30 * 60 * 1000);

    const { readImpersonation } = await import("@/lib/auth/impersonation");
    const { readSession } = await import("@/lib/auth/session-store");
    const { db } = await import("@/lib/db");
    const staffSession = (await readSession(db, staff.token))!;
    const later = new Date(row.createdAt.getTime() + 30 * 60 * 1000 + 1);
    expect(await readImpersonation(db, viewing, staffSession, later)).toBeNull();
    expect(await admin.session.count({ where: { id: row.id } })).toBe(0);
  });
});

describe("bound to the staff member's own session", () => {
  it("is ignored beside another staff member's session", async () => {
    const { viewing } = await impersonating();
    const other = await staffWithSession(admin, "other-staff");
    browse({ session: other.token, viewing });
    expect((await currentUser())?.user.id).toBe(other.id);
  });

  it("is ignored with no session cookie, or used as the session cookie itself", async () => {
    const { viewing } = await impersonating();
    browse({ viewing });
    expect(await currentUser()).toBeNull();
    browse({ session: viewing });
    expect(await currentUser()).toBeNull();
  });

  it("ends when the staff member's session is revoked", async () => {
    const { staff, viewing } = await impersonating();
    await admin.session.delete({ where: { id: staff.sessionId } });
    expect(await admin.session.count({ where: { impersonatorSessionId: staff.sessionId } })).toBe(
      0,
    );
    browse({ session: staff.token, viewing });
    expect(await currentUser()).toBeNull();
  });

  it("ends with the staff member's session when they sign out while viewing", async () => {
    const { customer, staff, viewing } = await impersonating();
    const { requestSignOut } = await import("@/lib/auth/flows/requests");
    browse({ session: staff.token, viewing });
    expect((await requestSignOut({})).ok).toBe(true);
    expect(await admin.session.count({ where: { id: staff.sessionId } })).toBe(0);
    expect(await admin.session.count({ where: { impersonatorId: staff.id } })).toBe(0);
    const ended = await admin.auditLog.findFirstOrThrow({
      where: { action: "staff.impersonation_ended", targetId: customer.id },
    });
    expect(ended.metadata).toMatchObject({ via: "sign_out" });
  });

  it("is ignored once the staff member is no longer staff, or turns 2FA off", async () => {
    const { customer, staff, viewing } = await impersonating();
    browse({ session: staff.token, viewing });
    expect((await currentUser())?.user.id).toBe(customer.id);

    await admin.user.update({ where: { id: staff.id }, data: { twoFactorEnabledAt: null } });
    expect((await currentUser())?.user.id).toBe(staff.id);

    await admin.user.update({
      where: { id: staff.id },
      data: { twoFactorEnabledAt: new Date(), staffSince: null },
    });
    expect((await currentUser())?.user.id).toBe(staff.id);
  });

  it("never hands the user a session of their own on another host", async () => {
    const { org, staff, viewing } = await impersonating();
    const { GET } = await import("@/app/api/account/handoff/route");
    browse({ session: staff.token, viewing });
    const target = `http://${org.slug}.localhost:3000/projects`;
    const before = await admin.authToken.count();
    const response = await GET(
      new Request(`http://localhost:3000/api/account/handoff?to=${encodeURIComponent(target)}`, {
        headers: { host: "localhost:3000" },
      }),
    );
    expect(response.headers.get("location")).toBe(target);
    expect(await admin.authToken.count()).toBe(before);
  });
});

describe("who can be viewed", () => {
  it("refuses another staff member", async () => {
    const { impersonateUserAction } = await load();
    const { staff } = await world();
    const colleague = await staffWithSession(admin, "colleague");
    browse({ session: staff.token });
    const result = await impersonateUserAction({ userId: colleague.id, reason: REASON });
    expect(result).toMatchObject({ ok: false, status: 403 });
    if (!result.ok) expect(result.error).toBe("Staff cannot view as other staff.");
    expect(await admin.session.count({ where: { impersonatorId: staff.id } })).toBe(0);
  });

  it("refuses a disabled account and oneself", async () => {
    const { impersonateUserAction } = await load();
    const { staff, customer } = await world();
    await admin.user.update({ where: { id: customer.id }, data: { disabledAt: new Date() } });
    browse({ session: staff.token });
    const disabled = await impersonateUserAction({ userId: customer.id, reason: REASON });
    expect(disabled).toMatchObject({ ok: false, status: 409 });
    const self = await impersonateUserAction({ userId: staff.id, reason: REASON });
    expect(self).toMatchObject({ ok: false, status: 409 });
  });

  it("answers 404 to a non-staff user, and asks staff for a reason", async () => {
    const { impersonateUserAction } = await load();
    const { staff, customer } = await world();
    const stranger = await userWithSession(admin, "stranger");
    browse({ session: stranger.token });
    expect(await impersonateUserAction({ userId: customer.id, reason: REASON })).toMatchObject({
      ok: false,
      status: 404,
    });
    browse({ session: staff.token });
    const noReason = await impersonateUserAction({ userId: customer.id, reason: "" });
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });
  });
});

type Refusal = { label: string; onTenant: boolean; call: () => Promise<unknown> };

const refusals: Refusal[] = [
  ...(
    [
      ["billing.checkout", "startCheckoutAction"],
      ["billing.portal", "openPortalAction"],
      ["billing.change_plan", "changePlanAction"],
      ["billing.cancel", "cancelSubscriptionAction"],
      ["billing.resume", "resumeSubscriptionAction"],
    ] as const
  ).map(([label, name]) => ({
    label,
    onTenant: true,
    call: async () => (await import("@/lib/billing/actions"))[name]({ plan: "pro" }),
  })),
  ...(
    [
      ["organization.delete", "deleteOrganizationAction"],
      ["organization.transfer", "transferOwnershipAction"],
    ] as const
  ).map(([label, name]) => ({
    label,
    onTenant: true,
    call: async () => (await import("@/lib/organizations/actions"))[name]({}),
  })),
  {
    label: "api_key.create",
    onTenant: true,
    call: async () =>
      (await import("@/lib/api-keys/actions")).createApiKeyAction({
        name: "exfiltrated",
        scopes: ["projects:read"],
      }),
  },
  ...(
    [
      ["account.delete", "requestAccountDeletion"],
      ["account.change_password", "requestPasswordChange"],
      ["account.change_email", "requestAddressChange"],
      ["account.two_factor_setup", "requestTwoFactorSetup"],
      ["account.two_factor_confirm", "requestTwoFactorConfirmation"],
      ["account.two_factor_disable", "requestTwoFactorRemoval"],
      ["account.reauthenticate", "requestReauthentication"],
      ["account.reauthentication_link", "requestReauthenticationEmail"],
      ["account.sign_out_others", "requestOtherSessionsSignOut"],
      ["account.sign_out_session", "requestSessionSignOut"],
    ] as const
  ).map(([label, name]) => ({
    label,
    onTenant: false,
    call: async () => (await import("@/lib/auth/flows/account-requests"))[name]({}),
  })),
  ...(
    [
      ["account.update_name", "updateNameAction"],
      ["account.prepare_avatar", "prepareAvatarAction"],
      ["account.confirm_avatar", "confirmAvatarAction"],
      ["account.remove_avatar", "removeAvatarAction"],
    ] as const
  ).map(([label, name]) => ({
    label,
    onTenant: false,
    call: async () => (await import("@/lib/account/profile-actions"))[name]({}),
  })),
  ...(
    [
      ["account.new_password", "requestNewPassword"],
      ["account.confirm_email_change", "requestEmailChangeConfirmation"],
    ] as const
  ).map(([label, name]) => ({
    label,
    onTenant: false,
    call: async () => (await import("@/lib/auth/flows/requests"))[name]({ token: "x" }),
  })),
  ...(
    [
      ["invitation.accept", "acceptInvitationAction"],
      ["invitation.accept_by_id", "acceptInvitationByIdAction"],
    ] as const
  ).map(([label, name]) => ({
    label,
    onTenant: false,
    call: async () => (await import("@/lib/invitations/actions"))[name]({ token: "x" }),
  })),
];

describe("refused while viewing as a customer", () => {
  for (const { label, onTenant, call } of refusals) {
    it(`refuses ${label} with a clear message`, async () => {
      const { org, staff, viewing } = await impersonating();
      browse({ session: staff.token, viewing }, onTenant ? org.slug : undefined);
      expect(await call()).toMatchObject({ ok: false, status: 403, error: REFUSED });
    });
  }

  it("refuses billing.checkout_return (Checkout's success URL)", async () => {
    const { org, staff, viewing } = await impersonating();
    const { GET } = await import("@/app/org/[slug]/settings/billing/checkout-return/route");
    browse({ session: staff.token, viewing }, org.slug);
    const response = await GET(
      new Request(
        `http://${org.slug}.localhost:3000/settings/billing/checkout-return?session_id=cs_x`,
      ),
      { params: Promise.resolve({ slug: org.slug }) },
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(REFUSED);
  });

  it("refuses account.reauthentication_confirm (the emailed confirm-it's-you link)", async () => {
    const { staff, viewing } = await impersonating();
    const { GET } = await import("@/app/api/account/reauthenticate/route");
    browse({ session: staff.token, viewing });
    const response = await GET(
      new Request("http://localhost:3000/api/account/reauthenticate?token=x", {
        headers: { host: "localhost:3000" },
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: REFUSED });
  });

  it("lets the user do the same in their own session", async () => {
    const { org, customer } = await impersonating();
    const { deleteOrganizationAction } = await import("@/lib/organizations/actions");
    browse({ session: customer.token }, org.slug);
    const result = await deleteOrganizationAction({});
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).not.toBe(REFUSED);
  });
});

describe("audited as the staff member acting as the user", () => {
  it("records a write with the user as actor and the staff member beside them", async () => {
    const { org, customer, staff, viewing } = await impersonating();
    const { createProjectAction } = await import("@/lib/projects/actions");
    browse({ session: staff.token, viewing }, org.slug);
    const created = await createProjectAction({ name: "Made by support" });
    expect(created.ok).toBe(true);
    const entry = await admin.auditLog.findFirstOrThrow({
      where: { action: "project.created", organizationId: org.id },
    });
    expect(entry.actorId).toBe(customer.id);
    expect(entry.metadata).toMatchObject({ impersonatorId: staff.id });
  });

  it("records the user's own writes without it", async () => {
    const { org, customer } = await impersonating();
    const { createProjectAction } = await import("@/lib/projects/actions");
    browse({ session: customer.token }, org.slug);
    expect((await createProjectAction({ name: "Made by the owner" })).ok).toBe(true);
    const entry = await admin.auditLog.findFirstOrThrow({
      where: { action: "project.created", organizationId: org.id },
    });
    expect(entry.metadata).not.toHaveProperty("impersonatorId");
  });
});

describe("the user's security history", () => {
  it("shows when support viewed the account, who, and why", async () => {
    const { customer, staff, viewing } = await impersonating();
    const { POST } = await import("@/app/api/account/impersonation/stop/route");
    browse({ session: staff.token, viewing });
    await POST(stopRequest());

    const { securityHistory } = await import("@/app/(account)/account/security-history");
    const events = await securityHistory(customer.id);
    const started = events.find((e) => e.what === "Support started viewing your account as you");
    expect(started?.support).toEqual({ name: "Sam Support", reason: REASON });
    expect(events.some((e) => e.what === "Support stopped viewing your account")).toBe(true);
  });

  it("is not shown to anyone else", async () => {
    const { customer } = await impersonating();
    const bystander = await userWithSession(admin, "bystander");
    const { securityHistory } = await import("@/app/(account)/account/security-history");
    const theirs = await securityHistory(bystander.id);
    expect(theirs.some((e) => e.support)).toBe(false);
    expect((await securityHistory(customer.id)).some((e) => e.support)).toBe(true);
  });
});

// Every action in the code is either refused while impersonating or on this list, with why: a
// new action nobody classified fails here.
const allowedWhileImpersonating: Record<string, string> = {
  "project.list": "reading",
  "project.get": "reading",
  "project.create": "ordinary work, audited with the staff member",
  "project.update": "ordinary work, audited with the staff member",
  "project.delete": "ordinary work, audited with the staff member",
  "attachment.prepare_upload": "ordinary work: signs an upload, records nothing",
  "attachment.confirm": "ordinary work, audited with the staff member",
  "attachment.download": "reading",
  "onboarding.dismiss":
    "hides the getting-started list for the team, audited with the staff member",
  "attachment.delete": "ordinary work, audited with the staff member",
  "organization.prepare_logo": "organization administration: signs an upload, records nothing",
  "organization.confirm_logo": "organization administration, audited with the staff member",
  "organization.remove_logo": "organization administration, audited with the staff member",
  "member.list": "reading",
  "member.change_role": "organization administration, audited with the staff member",
  "member.remove": "organization administration, audited with the staff member",
  "member.leave": "organization administration, audited with the staff member",
  "invitation.list": "reading",
  "invitation.create": "organization administration, audited with the staff member",
  "invitation.create_many": "organization administration, audited with the staff member",
  "invitation.resend": "organization administration, audited with the staff member",
  "invitation.revoke": "organization administration, audited with the staff member",
  "organization.create": "ordinary work, audited with the staff member",
  "organization.update": "renaming, audited with the staff member",
  "audit.list": "reading",
  "audit.export": "reading",
  "billing.preview_change": "a price preview changes nothing",
  "api_key.revoke": "removes access, reveals nothing, audited",
  "api_key.change_scopes": "reveals no secret, audited",
  "account.resend_verification": "emails the user's own address",
  "account.sign_up": "signed-out flow: no session involved",
  "account.sign_in": "replaces the staff member's cookie, which ends the viewing",
  "account.two_factor": "the second step of a sign-in, as above",
  "account.magic_link": "signed-out flow: emails the address typed",
  "account.magic_link_sign_in": "a sign-in, as above",
  "account.password_reset": "emails the account's own address",
  "account.verify_email": "confirms the address from the emailed link",
  "account.sign_out": "ends the viewing with the staff member's session",
};

const root = path.resolve(import.meta.dirname, "../..");

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

async function actionLabels(): Promise<string[]> {
  const labels = new Set<string>();
  for (const file of [...(await sourceFiles("lib")), ...(await sourceFiles("app"))]) {
    if (file === "lib/actions/chain.ts" || file.startsWith("lib/generated/")) continue;
    const text = await readFile(path.join(root, file), "utf8");
    for (const m of text.matchAll(
      /(?:memberAction|authenticatedAction|publicAction)\(\s*"([^"]+)"/g,
    ))
      labels.add(m[1]!);
  }
  return [...labels].sort();
}

/** Route handlers (not chain actions) and what they do while staff view as a customer. */
const routeHandlers: Record<string, "refused" | string> = {
  "app/org/[slug]/settings/billing/checkout-return/route.ts": "refused",
  "app/api/account/reauthenticate/route.ts": "refused",
  "app/api/account/handoff/route.ts": "never hands off an impersonation (tested above)",
  "app/api/account/handoff/accept/route.ts":
    "trades a hand-off token, which is never minted for one",
  "app/api/account/sign-out/route.ts": "ends the viewing with the staff member's session",
  "app/api/account/impersonation/stop/route.ts": "ends the viewing",
  "app/api/account/export/route.ts": "emails the user their data, audited",
  "app/api/account/export/[id]/route.ts": "the emailed download link, for the user's own inbox",
  "app/(marketing)/pricing/mine/route.ts": "reading",
  "app/api/theme/route.ts": "a light or dark cookie for this browser, no data",
  "app/r/[code]/route.ts": "remembers a referral code in a cookie, reads and writes no data",
  "app/org/[slug]/projects/[id]/files/[fileId]/route.ts":
    "a chain action (attachment.download), reading",
  "app/api/auth/[...nextauth]/route.ts": "Auth.js sees only the staff member's own cookie",
  "app/api/account/": "chain actions (labels above)",
  "app/api/projects/": "chain actions (labels above)",
  "app/api/audit/": "chain actions (labels above)",
  "app/api/v1/": "API keys, never cookies",
  "app/api/cron/": "CRON_SECRET, no session",
  "app/api/webhooks/": "signed provider callbacks, no session",
  "app/api/health/": "no session",
  "app/api/metrics/": "METRICS_TOKEN, no session",
  "app/admin/": "staff only: a viewing session is the customer's, so the console answers 404",
  "app/dev/": "the development mailbox: 404 in production, no session",
};

describe("coverage of the refused list", () => {
  it("classifies every action in the code", async () => {
    const { refusedWhileImpersonating } = await import("@/lib/actions/impersonation");
    const refused = new Set<string>(refusedWhileImpersonating);
    const labels = await actionLabels();
    expect(labels.length).toBeGreaterThan(30);
    expect(labels.filter((l) => !refused.has(l) && !(l in allowedWhileImpersonating))).toEqual([]);
    // Nothing listed twice, nothing listed that no longer exists (route-only labels aside).
    expect(labels.filter((l) => refused.has(l) && l in allowedWhileImpersonating)).toEqual([]);
    const routeOnly = ["billing.checkout_return", "account.reauthentication_confirm"];
    expect([...refused].filter((l) => !labels.includes(l) && !routeOnly.includes(l))).toEqual([]);
  });

  it("has a test above for every refused label", () => {
    return import("@/lib/actions/impersonation").then(({ refusedWhileImpersonating }) => {
      const tested = new Set([
        ...refusals.map((r) => r.label),
        "billing.checkout_return",
        "account.reauthentication_confirm",
      ]);
      expect(refusedWhileImpersonating.filter((l) => !tested.has(l))).toEqual([]);
    });
  });

  it("classifies every route handler, and the refused ones check", async () => {
    const routes = (await sourceFiles("app")).filter((f) => /\/route\.tsx?$/.test(f));
    const keyOf = (file: string) =>
      file in routeHandlers
        ? file
        : Object.keys(routeHandlers).find((k) => k.endsWith("/") && file.startsWith(k));
    expect(routes.filter((f) => !keyOf(f))).toEqual([]);
    for (const [file, what] of Object.entries(routeHandlers)) {
      if (what !== "refused") continue;
      const text = await readFile(path.join(root, file), "utf8");
      expect(text, file).toMatch(/refuseWhileImpersonating|impersonationRefusedMessage/);
    }
  });
});

beforeEach(() => {
  browse({});
});
