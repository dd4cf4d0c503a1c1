import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as signUpRoute } from "@/app/api/account/sign-up/route";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { GET as referralLink } from "@/app/r/[code]/route";
import { keelAuthAdapter } from "@/lib/auth/oauth/adapter";
import { signInWithMagicLink } from "@/lib/auth/flows/magic-link";
import { createSession } from "@/lib/auth/session-store";
import { issueToken } from "@/lib/auth/tokens";
import { startCheckoutAction } from "@/lib/billing/actions";
import { runJobs } from "@/lib/jobs/run";
import { createOrganizationAction } from "@/lib/organizations/actions";
import { parseReferralCode } from "@/lib/referrals/code";
import { referralCodeFor } from "@/lib/referrals/links";
import { adminDatabase } from "../support/admin-db";
import { callAs, userWithSession } from "../support/tenant-request";
import {
  emulatorClient,
  emulatorControl,
  eventAbout,
  eventsOf,
  payCheckout,
  signedRequest,
} from "../support/stripe-test";

/**
 * Referrals end to end, on PostgreSQL and the Stripe emulator through the SDK: a referral link
 * visited, a sign-up (password, magic link, OAuth), an organization, its first paid invoice
 * delivered (also twice and concurrently), and the one credit on the referrer's organization's
 * Stripe balance, with its audit entry and email; then the refusals (self, loop, member).
 */

// The browser's cookies other than the session: the referral cookie the link set.
const browserCookies = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", async () => {
  const { tenantRequest } = await import("../support/tenant-request");
  return {
    headers: async () => tenantRequest.headers,
    cookies: async () => ({
      get: (name: string) => {
        if (name === "keel.session" && tenantRequest.cookie) {
          return { name, value: tenantRequest.cookie };
        }
        const value = browserCookies.get(name);
        return value === undefined ? undefined : { name, value };
      },
      has: (name: string) => browserCookies.has(name),
      set: () => undefined,
      delete: () => undefined,
    }),
  };
});
// Jobs and emails stay in the outbox, where the tests find and run them.
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});

let counter = 0;
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}`;

/** Follows the referral link as a browser would, keeping the cookie it sets. */
async function visitReferralLink(code: string): Promise<Response> {
  browserCookies.clear();
  const response = await referralLink(new Request(`http://localhost:3000/r/${code}`), {
    params: Promise.resolve({ code }),
  });
  const cookie = response.headers.get("set-cookie");
  const match = cookie ? /^([^=]+)=([^;]*)/.exec(cookie) : null;
  if (match) browserCookies.set(match[1]!, match[2]!);
  return response;
}

/** A password sign-up from the browser holding the referral cookie; runs its queued job. */
async function passwordSignUp(name: string, email: string) {
  const response = await signUpRoute(
    new Request("http://localhost:3000/api/account/sign-up", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:3000",
        "x-real-ip": `198.51.100.${(counter % 250) + 1}`,
      },
      body: JSON.stringify({ name, email, password: "a long passphrase" }),
    }),
  );
  expect(response.status).toBe(202);
  const job = await admin.outboxMessage.findFirstOrThrow({
    where: { kind: "sign-up", status: "PENDING", payload: { path: ["email"], equals: email } },
  });
  await runJobs({ ids: [job.id] });
  return admin.user.findUniqueOrThrow({ where: { email } });
}

/** The same, confirmed and signed in: ready to create an organization. */
async function signUpWithPassword(label: string) {
  const created = await passwordSignUp(label, `${unique(label)}@example.test`);
  const user = await admin.user.update({
    where: { id: created.id },
    data: { emailVerified: new Date() },
  });
  const { token } = await createSession(admin, { userId: user.id });
  return { ...user, token };
}

/** Creates an organization through the app's action, as `token`'s holder, from their browser. */
async function createOrganizationAs(token: string, name: string) {
  callAs(token);
  const result = await createOrganizationAction({ name, slug: unique("ref") });
  if (!result.ok) throw new Error(`create organization: ${result.error}`);
  return admin.organization.findUniqueOrThrow({ where: { id: result.data.id } });
}

/** Checkout as the owner, "Pay" at the emulator: a 14-day trial, so nothing is charged yet. */
async function subscribe(token: string, slug: string, organizationId: string) {
  callAs(token, slug);
  const checkout = await startCheckoutAction({ plan: "pro", interval: "month" });
  if (!checkout.ok) throw new Error(`checkout: ${checkout.error}`);
  expect((await payCheckout(checkout.data.url)).status).toBe(303);
  const row = await admin.subscription.findUniqueOrThrow({ where: { organizationId } });
  const customerId = row.stripeCustomerId!;
  const list = await emulatorClient().subscriptions.list({ customer: customerId, status: "all" });
  return { customerId, subscriptionId: list.data[0]!.id };
}

const deliver = (event: Stripe.Event) => stripeWebhook(signedRequest(JSON.stringify(event)));

async function deliverAll(customerId: string) {
  for (const event of await eventsOf(customerId)) expect((await deliver(event)).status).toBe(200);
}

function paidInvoiceEvents(events: Stripe.Event[]): Stripe.Event[] {
  return events.filter(
    (event) =>
      event.type === "invoice.paid" && (event.data.object as Stripe.Invoice).amount_paid > 0,
  );
}

/** The referral-credit jobs queued for credits earned by `organizationId`. */
async function referralJobs(organizationId: string) {
  const credits = await admin.referralCredit.findMany({
    where: { referredOrganizationId: organizationId },
    select: { id: true },
  });
  const jobs = await admin.outboxMessage.findMany({ where: { kind: "referral-credit" } });
  const ids = new Set(credits.map((credit) => credit.id));
  return jobs.filter((job) =>
    ids.has((job.payload as { referralCreditId: string }).referralCreditId),
  );
}

async function runReferralJobs() {
  const pending = await admin.outboxMessage.findMany({
    where: { kind: "referral-credit", status: "PENDING" },
    select: { id: true },
  });
  return runJobs({ ids: pending.map((job) => job.id) });
}

describe("the referral link", () => {
  it("is a random code, the same on every view, naming neither the user's id nor address", async () => {
    const ada = await userWithSession(admin, "link-ada");
    const code = await referralCodeFor(ada.id);
    expect(code).toMatch(/^[23456789abcdefghjkmnpqrstuvwxyz]{12}$/);
    expect(await referralCodeFor(ada.id)).toBe(code);
    expect(code).not.toContain(ada.id.slice(0, 6).toLowerCase());
    expect(code).not.toContain(ada.email.slice(0, 6).toLowerCase());
    const other = await userWithSession(admin, "link-other");
    expect(await referralCodeFor(other.id)).not.toBe(code);
  });

  it("is drawn by the database for every user: 5,000 draws are distinct, use every letter and parse back", async () => {
    const rows = await admin.$queryRaw<{ code: string }[]>`
      SELECT keel_referral_code() AS code FROM generate_series(1, 5000)`;
    const codes = rows.map((row) => row.code);
    expect(new Set(codes).size).toBe(5000);
    expect(new Set(codes.join("")).size).toBe(31);
    for (const code of codes.slice(0, 200)) expect(parseReferralCode(code)).toBe(code);
  });

  it("keeps the code in an HttpOnly cookie for 30 days and lands on sign-up", async () => {
    const ada = await userWithSession(admin, "cookie-ada");
    const code = await referralCodeFor(ada.id);
    const response = await visitReferralLink(code);
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!).pathname).toBe("/sign-up");
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(new RegExp(`^keel\\.referral=${code};`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Max-Age=2592000/);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it("answers an unknown code exactly like a real one, and a malformed one without a cookie", async () => {
    const unknown = await visitReferralLink("zzzzzzzzzzzz");
    expect(unknown.status).toBe(303);
    expect(unknown.headers.get("set-cookie")).toMatch(/^keel\.referral=zzzzzzzzzzzz;/);
    const malformed = await visitReferralLink("<script>");
    expect(malformed.status).toBe(303);
    expect(new URL(malformed.headers.get("location")!).pathname).toBe("/sign-up");
    expect(malformed.headers.get("set-cookie")).toBeNull();
  });
});

describe("signing up through the link", () => {
  let adaId: string;
  let code: string;
  beforeAll(async () => {
    const ada = await userWithSession(admin, "methods-ada");
    adaId = ada.id;
    code = await referralCodeFor(ada.id);
  });

  it("records the referrer on a password sign-up (queued, then created by the job)", async () => {
    await visitReferralLink(code);
    const user = await signUpWithPassword("by-password");
    expect(user.referredById).toBe(adaId);
  });

  it("records the referrer on a magic-link sign-up", async () => {
    await visitReferralLink(code);
    const email = `${unique("by-link")}@example.test`;
    const { token } = await issueToken(admin, {
      purpose: "MAGIC_LINK",
      email,
      userId: null,
      now: new Date(),
    });
    const result = await signInWithMagicLink(token, { ipAddress: null, userAgent: null });
    expect(result.status).toBe("signed-in");
    const user = await admin.user.findUniqueOrThrow({ where: { email } });
    expect(user.referredById).toBe(adaId);
  });

  it("records the referrer on an OAuth sign-up (the adapter's createUser)", async () => {
    await visitReferralLink(code);
    const email = `${unique("by-oauth")}@example.test`;
    const created = await keelAuthAdapter().createUser!({
      id: "ignored",
      email,
      emailVerified: new Date(),
      name: "OAuth",
    });
    const user = await admin.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user.referredById).toBe(adaId);
  });

  it("records nothing without the cookie, or with a code nobody has", async () => {
    browserCookies.clear();
    expect((await signUpWithPassword("no-cookie")).referredById).toBeNull();
    await visitReferralLink("zzzzzzzzzzzz");
    expect((await signUpWithPassword("unknown-code")).referredById).toBeNull();
  });

  it("forgets the referral when the address's real owner claims an unconfirmed account", async () => {
    await visitReferralLink(code);
    const email = `${unique("claimed")}@example.test`;
    await passwordSignUp("Squatter", email);
    expect((await admin.user.findUniqueOrThrow({ where: { email } })).referredById).toBe(adaId);
    // The mailbox's owner signs in by link from another browser: the account is theirs now.
    browserCookies.clear();
    const { token } = await issueToken(admin, {
      purpose: "MAGIC_LINK",
      email,
      userId: null,
      now: new Date(),
    });
    expect((await signInWithMagicLink(token, { ipAddress: null, userAgent: null })).status).toBe(
      "signed-in",
    );
    expect((await admin.user.findUniqueOrThrow({ where: { email } })).referredById).toBeNull();
  });

  it("records nothing for a disabled referrer", async () => {
    const gone = await userWithSession(admin, "disabled-referrer");
    const goneCode = await referralCodeFor(gone.id);
    await admin.user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    await visitReferralLink(goneCode);
    expect((await signUpWithPassword("by-disabled")).referredById).toBeNull();
  });
});

describe("the first payment of a referred organization", () => {
  let ada: Awaited<ReturnType<typeof userWithSession>>;
  let adaTeam: { id: string; slug: string; name: string };
  let bob: Awaited<ReturnType<typeof signUpWithPassword>>;
  let bobTeam: { id: string; slug: string; referredByUserId: string | null };
  let bobBilling: { customerId: string; subscriptionId: string };
  let adaCustomerId: string;

  beforeAll(async () => {
    // Ada owns "Ada's team"; Bob signs up through her link and creates "Bob's team".
    ada = await userWithSession(admin, "credit-ada");
    adaTeam = await createOrganizationAs(ada.token, "Ada's team");
    await visitReferralLink(await referralCodeFor(ada.id));
    bob = await signUpWithPassword("credit-bob");
    browserCookies.clear();
    bobTeam = await createOrganizationAs(bob.token, "Bob's team");
    bobBilling = await subscribe(bob.token, bobTeam.slug, bobTeam.id);
  });

  it("records the organization as referred by the user who referred its creator", () => {
    expect(bob.referredById).toBe(ada.id);
    expect(bobTeam.referredByUserId).toBe(ada.id);
  });

  it("earns nothing while the trial's invoice took no money", async () => {
    await deliverAll(bobBilling.customerId);
    expect(
      await admin.referralCredit.count({ where: { referredOrganizationId: bobTeam.id } }),
    ).toBe(0);
    expect(await referralJobs(bobTeam.id)).toHaveLength(0);
  });

  it("queues one credit when the first paid invoice arrives, even delivered three times at once", async () => {
    await emulatorControl(bobBilling.subscriptionId, "end_trial");
    const [paid] = paidInvoiceEvents(await eventsOf(bobBilling.customerId));
    expect(paid).toBeDefined();
    const responses = await Promise.all([deliver(paid!), deliver(paid!), deliver(paid!)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await deliverAll(bobBilling.customerId);
    // Another event about the same invoice (Stripe also sends invoice.payment_succeeded).
    expect(
      (await deliver(eventAbout("invoice.paid", paid!.data.object as Stripe.Invoice))).status,
    ).toBe(200);

    const credits = await admin.referralCredit.findMany({
      where: { referredOrganizationId: bobTeam.id },
    });
    expect(credits).toHaveLength(1);
    expect(credits[0]).toMatchObject({
      status: "PENDING",
      referrerId: ada.id,
      amount: 2000,
      currency: "usd",
      stripeInvoiceId: (paid!.data.object as Stripe.Invoice).id,
    });
    expect(await referralJobs(bobTeam.id)).toHaveLength(1);
  });

  it("credits $20 to the balance of Ada's team, with an audit entry and an email to its owner", async () => {
    const result = await runReferralJobs();
    expect(result).toMatchObject({ failed: 0, dead: 0 });

    const credit = await admin.referralCredit.findUniqueOrThrow({
      where: { referredOrganizationId: bobTeam.id },
    });
    expect(credit.status).toBe("CREDITED");
    expect(credit.creditedOrganizationId).toBe(adaTeam.id);

    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: adaTeam.id },
    });
    adaCustomerId = row.stripeCustomerId!;
    expect(adaCustomerId).toBeTruthy();
    expect(adaCustomerId).not.toBe(bobBilling.customerId);
    const customer = await emulatorClient().customers.retrieve(adaCustomerId);
    expect((customer as Stripe.Customer).balance).toBe(-2000);
    const transactions = await emulatorClient().customers.listBalanceTransactions(adaCustomerId);
    expect(transactions.data).toHaveLength(1);
    expect(transactions.data[0]).toMatchObject({
      id: credit.stripeBalanceTransactionId,
      amount: -2000,
      currency: "usd",
      ending_balance: -2000,
      type: "adjustment",
      metadata: { referral_credit_id: credit.id },
    });

    const audit = await admin.auditLog.findMany({
      where: { organizationId: adaTeam.id, action: "billing.referral_credited" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetType: "organization", targetId: bobTeam.id });
    expect(audit[0]!.metadata).toMatchObject({
      referredOrganization: "Bob's team",
      amount: "$20",
    });

    const emails = await admin.outboxMessage.findMany({
      where: { kind: "email", payload: { path: ["template"], equals: "referralCredited" } },
    });
    const toAda = emails.filter((e) => (e.payload as { to: string }).to === ada.email);
    expect(toAda).toHaveLength(1);
    const email = toAda[0]!.payload as { subject: string; text: string };
    expect(email.subject).toBe("Bob's team joined through your link; we credited $20");
    expect(email.text).toContain("We credited $20 to Ada's team's balance");
    expect(email.text).toContain(
      encodeURIComponent(`${adaTeam.slug}.localhost:3000/settings/billing`),
    );
    // Nobody in Bob's team hears about it.
    expect(emails.some((e) => (e.payload as { to: string }).to === bob.email)).toBe(false);
  });

  it("credits nothing more when the job runs again or the event is redelivered", async () => {
    const job = (await referralJobs(bobTeam.id))[0]!;
    await admin.outboxMessage.update({ where: { id: job.id }, data: { status: "PENDING" } });
    await runReferralJobs();
    const [paid] = paidInvoiceEvents(await eventsOf(bobBilling.customerId));
    await deliver(paid!);
    expect(await referralJobs(bobTeam.id)).toHaveLength(1);
    const transactions = await emulatorClient().customers.listBalanceTransactions(adaCustomerId);
    expect(transactions.data).toHaveLength(1);
    expect(
      await admin.auditLog.count({
        where: { organizationId: adaTeam.id, action: "billing.referral_credited" },
      }),
    ).toBe(1);
  });

  it("earns no second credit on the second payment", async () => {
    await emulatorControl(bobBilling.subscriptionId, "renew");
    const paid = paidInvoiceEvents(await eventsOf(bobBilling.customerId));
    expect(paid).toHaveLength(2);
    for (const event of paid) expect((await deliver(event)).status).toBe(200);
    expect(
      await admin.referralCredit.count({ where: { referredOrganizationId: bobTeam.id } }),
    ).toBe(1);
    expect(await referralJobs(bobTeam.id)).toHaveLength(1);
    const customer = (await emulatorClient().customers.retrieve(adaCustomerId)) as Stripe.Customer;
    expect(customer.balance).toBe(-2000);
  });

  it("takes the credit off Ada's team's next invoice, as Stripe does", async () => {
    const adaBilling = await subscribe(ada.token, adaTeam.slug, adaTeam.id);
    expect(adaBilling.customerId).toBe(adaCustomerId);
    await emulatorControl(adaBilling.subscriptionId, "end_trial");
    const invoices = await emulatorClient().invoices.list({ customer: adaCustomerId });
    const charged = invoices.data.find((invoice) => invoice.total > 0)!;
    expect(charged.total).toBe(1200);
    expect(charged.starting_balance).toBe(-2000);
    expect(charged.ending_balance).toBe(-800);
    expect(charged.amount_due).toBe(0);
    expect(charged.amount_paid).toBe(0);
    const customer = (await emulatorClient().customers.retrieve(adaCustomerId)) as Stripe.Customer;
    expect(customer.balance).toBe(-800);
    const transactions = await emulatorClient().customers.listBalanceTransactions(adaCustomerId);
    expect(transactions.data[0]).toMatchObject({
      type: "applied_to_invoice",
      amount: 1200,
      invoice: charged.id,
      ending_balance: -800,
    });
    // Ada's own first "payment" took no money, and her team was referred by nobody.
    expect(
      await admin.referralCredit.count({ where: { referredOrganizationId: adaTeam.id } }),
    ).toBe(0);
  });
});

describe("a Stripe failure while crediting", () => {
  it("leaves the credit pending and the job retrying, then credits once when Stripe answers", async () => {
    const ada = await userWithSession(admin, "retry-ada");
    const adaTeam = await createOrganizationAs(ada.token, "Ada's retry team");
    await visitReferralLink(await referralCodeFor(ada.id));
    const gus = await signUpWithPassword("retry-gus");
    browserCookies.clear();
    const gusTeam = await createOrganizationAs(gus.token, "Gus's team");
    const billing = await subscribe(gus.token, gusTeam.slug, gusTeam.id);
    await emulatorControl(billing.subscriptionId, "end_trial");
    await deliverAll(billing.customerId);

    // Ada's team points at a customer Stripe does not know: every call about it is refused.
    await admin.subscription.update({
      where: { organizationId: adaTeam.id },
      data: { stripeCustomerId: "cus_unknowntostripe" },
    });
    const credit = await admin.referralCredit.findUniqueOrThrow({
      where: { referredOrganizationId: gusTeam.id },
    });
    const mine = await admin.outboxMessage.findFirstOrThrow({
      where: {
        kind: "referral-credit",
        payload: { path: ["referralCreditId"], equals: credit.id },
      },
    });
    expect(await runJobs({ ids: [mine.id] })).toMatchObject({ sent: 0, failed: 1 });
    const waiting = await admin.outboxMessage.findUniqueOrThrow({ where: { id: mine.id } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting.availableAt.getTime()).toBeGreaterThan(Date.now());
    expect(
      await admin.referralCredit.findUniqueOrThrow({ where: { id: credit.id } }),
    ).toMatchObject({ status: "PENDING", stripeBalanceTransactionId: null });
    expect(
      await admin.auditLog.count({
        where: { organizationId: adaTeam.id, action: "billing.referral_credited" },
      }),
    ).toBe(0);

    // Fixed (the customer is made afresh): the retry credits, once.
    await admin.subscription.update({
      where: { organizationId: adaTeam.id },
      data: { stripeCustomerId: null },
    });
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    expect(await runJobs({ ids: [mine.id], now: later })).toMatchObject({ failed: 0, dead: 0 });
    const granted = await admin.referralCredit.findUniqueOrThrow({ where: { id: credit.id } });
    expect(granted).toMatchObject({ status: "CREDITED", creditedOrganizationId: adaTeam.id });
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: adaTeam.id },
    });
    const transactions = await emulatorClient().customers.listBalanceTransactions(
      row.stripeCustomerId!,
    );
    expect(transactions.data.map((t) => t.amount)).toEqual([-2000]);
  });
});

describe("refusals", () => {
  it("does not let a user refer their own new organization", async () => {
    const ada = await userWithSession(admin, "self-ada");
    await createOrganizationAs(ada.token, "Ada's first");
    await visitReferralLink(await referralCodeFor(ada.id));
    const second = await createOrganizationAs(ada.token, "Ada's second");
    expect(second.referredByUserId).toBeNull();
  });

  it("refuses the loop: Ada referred Bob, so Bob's link earns nothing from Ada", async () => {
    const ada = await userWithSession(admin, "loop-ada");
    await visitReferralLink(await referralCodeFor(ada.id));
    const bob = await signUpWithPassword("loop-bob");
    expect(bob.referredById).toBe(ada.id);
    // Ada, already a user, follows Bob's link and starts an organization.
    await visitReferralLink(await referralCodeFor(bob.id));
    const adaTeam = await createOrganizationAs(ada.token, "Ada's loop");
    expect(adaTeam.referredByUserId).toBeNull();
    // Further up the chain too: Carol came through Bob, and Carol's link earns nothing from Ada.
    await visitReferralLink(await referralCodeFor(bob.id));
    const carol = await signUpWithPassword("loop-carol");
    expect(carol.referredById).toBe(bob.id);
    await visitReferralLink(await referralCodeFor(carol.id));
    expect(
      (await createOrganizationAs(ada.token, "Ada's longer loop")).referredByUserId,
    ).toBeNull();
    // While someone outside the chain following Carol's link is referred as usual.
    const dave = await userWithSession(admin, "loop-dave");
    await visitReferralLink(await referralCodeFor(carol.id));
    expect((await createOrganizationAs(dave.token, "Dave's team")).referredByUserId).toBe(carol.id);
  });

  it("refuses the credit when the referrer is a member of the paying organization", async () => {
    const ada = await userWithSession(admin, "member-ada");
    const adaTeam = await createOrganizationAs(ada.token, "Ada's own");
    await visitReferralLink(await referralCodeFor(ada.id));
    const eve = await signUpWithPassword("member-eve");
    browserCookies.clear();
    const eveTeam = await createOrganizationAs(eve.token, "Eve's team");
    expect(eveTeam.referredByUserId).toBe(ada.id);
    await admin.membership.create({
      data: { organizationId: eveTeam.id, userId: ada.id, role: "MEMBER" },
    });
    const billing = await subscribe(eve.token, eveTeam.slug, eveTeam.id);
    await emulatorControl(billing.subscriptionId, "end_trial");
    await deliverAll(billing.customerId);
    await runReferralJobs();

    const credit = await admin.referralCredit.findUniqueOrThrow({
      where: { referredOrganizationId: eveTeam.id },
    });
    expect(credit).toMatchObject({
      status: "REFUSED",
      refusal: "self",
      creditedOrganizationId: null,
    });
    const adaRow = await admin.subscription.findUnique({ where: { organizationId: adaTeam.id } });
    expect(adaRow?.stripeCustomerId ?? null).toBeNull();
    expect(
      await admin.auditLog.count({
        where: { organizationId: adaTeam.id, action: "billing.referral_credited" },
      }),
    ).toBe(0);
  });

  it("refuses the credit when the referrer owns no organization when the payment arrives", async () => {
    const ada = await userWithSession(admin, "owner-less-ada");
    await visitReferralLink(await referralCodeFor(ada.id));
    const fay = await signUpWithPassword("owner-less-fay");
    browserCookies.clear();
    const fayTeam = await createOrganizationAs(fay.token, "Fay's team");
    const billing = await subscribe(fay.token, fayTeam.slug, fayTeam.id);
    await emulatorControl(billing.subscriptionId, "end_trial");
    await deliverAll(billing.customerId);
    await runReferralJobs();
    const credit = await admin.referralCredit.findUniqueOrThrow({
      where: { referredOrganizationId: fayTeam.id },
    });
    expect(credit).toMatchObject({ status: "REFUSED", refusal: "no-organization" });
  });
});

describe("a referrer disabled before the payment", () => {
  it("earns nothing", async () => {
    const ada = await userWithSession(admin, "disabled-later-ada");
    const adaTeam = await createOrganizationAs(ada.token, "Ada's disabled team");
    await visitReferralLink(await referralCodeFor(ada.id));
    const hal = await signUpWithPassword("disabled-later-hal");
    browserCookies.clear();
    const halTeam = await createOrganizationAs(hal.token, "Hal's team");
    expect(halTeam.referredByUserId).toBe(ada.id);
    await admin.user.update({ where: { id: ada.id }, data: { disabledAt: new Date() } });
    const billing = await subscribe(hal.token, halTeam.slug, halTeam.id);
    await emulatorControl(billing.subscriptionId, "end_trial");
    await deliverAll(billing.customerId);
    await runReferralJobs();
    const credit = await admin.referralCredit.findUniqueOrThrow({
      where: { referredOrganizationId: halTeam.id },
    });
    expect(credit).toMatchObject({ status: "REFUSED", refusal: "referrer-unavailable" });
    const adaRow = await admin.subscription.findUnique({ where: { organizationId: adaTeam.id } });
    expect(adaRow?.stripeCustomerId ?? null).toBeNull();
  });
});

describe("the emulator's customer balance", () => {
  it("validates balance transactions as Stripe does", async () => {
    const stripe = emulatorClient();
    const customer = await stripe.customers.create({ name: "Balance check" });
    await expect(
      stripe.customers.createBalanceTransaction(customer.id, { amount: 0, currency: "usd" }),
    ).rejects.toMatchObject({ type: "StripeInvalidRequestError", param: "amount" });
    await stripe.customers.createBalanceTransaction(customer.id, { amount: -500, currency: "usd" });
    await expect(
      stripe.customers.createBalanceTransaction(customer.id, { amount: -500, currency: "eur" }),
    ).rejects.toMatchObject({ type: "StripeInvalidRequestError", param: "currency" });
    await stripe.customers.createBalanceTransaction(customer.id, { amount: 200, currency: "usd" });
    const list = await stripe.customers.listBalanceTransactions(customer.id, { limit: 1 });
    expect(list.has_more).toBe(true);
    expect(list.data[0]).toMatchObject({ amount: 200, ending_balance: -300 });
    const first = await stripe.customers.retrieveBalanceTransaction(
      customer.id,
      (await stripe.customers.listBalanceTransactions(customer.id)).data[1]!.id,
    );
    expect(first).toMatchObject({ amount: -500, ending_balance: -500 });
    expect(((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).balance).toBe(-300);
    await expect(stripe.customers.listBalanceTransactions("cus_missing")).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});
