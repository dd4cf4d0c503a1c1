import { afterAll, describe, expect, it, vi } from "vitest";
import { GET as checkoutReturn } from "@/app/org/[slug]/settings/billing/checkout-return/route";
import { startCheckoutAction } from "@/lib/billing/actions";
import { adminDatabase } from "../support/admin-db";
import { payCheckout } from "../support/stripe-test";
import { callAs, organization, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * The browser's return from Stripe Checkout: the handler applies the paid session to
 * the caller's organization only when the caller manages its billing and the session
 * names that very organization; the billing page it redirects to only reads.
 */

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});

/** An organization on Free whose owner has paid at the emulator; no webhook delivered yet. */
async function paidCheckout(label: string) {
  const org = await organization(admin, label, { plan: "free", status: "FREE" });
  const owner = await userWithSession(admin, `${label}-owner`, {
    organizationId: org.id,
    role: "OWNER",
  });
  callAs(owner.token, org.slug);
  const checkout = await startCheckoutAction({ plan: "pro", interval: "month" });
  if (!checkout.ok) throw new Error(`checkout failed: ${checkout.status} ${checkout.error}`);
  const paid = await payCheckout(checkout.data.url);
  const returnUrl = new URL(paid.headers.get("location")!);
  const sessionId = returnUrl.searchParams.get("session_id")!;
  return { org, owner, returnUrl, sessionId };
}

function visit(slug: string, sessionId: string) {
  return checkoutReturn(
    new Request(
      `http://${slug}.localhost:3000/settings/billing/checkout-return?session_id=${sessionId}`,
    ),
    { params: Promise.resolve({ slug }) },
  );
}

const subscriptionOf = (organizationId: string) =>
  admin.subscription.findUniqueOrThrow({ where: { organizationId } });

describe("the return from Checkout", () => {
  it("is where Checkout sends the owner, and applies the paid session before the billing page", async () => {
    const { org, owner, returnUrl, sessionId } = await paidCheckout("cr-happy");
    expect(returnUrl.host).toBe(`${org.slug}.localhost:3000`);
    expect(returnUrl.pathname).toBe("/settings/billing/checkout-return");
    expect(sessionId).toMatch(/^cs_/);
    expect(await subscriptionOf(org.id)).toMatchObject({ plan: "free", status: "FREE" });

    callAs(owner.token, org.slug);
    const response = await visit(org.slug, sessionId);

    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(location.host).toBe(`${org.slug}.localhost:3000`);
    expect(`${location.pathname}${location.search}`).toBe("/settings/billing?checkout=success");
    const row = await subscriptionOf(org.id);
    expect(row.plan).toBe("pro");
    expect(row.stripeSubscriptionId).toMatch(/^sub_/);
    expect(["TRIALING", "ACTIVE"]).toContain(row.status);
  });

  it("does not apply another organization's session to the caller's organization", async () => {
    const victim = await paidCheckout("cr-victim");
    const attackerOrg = await organization(admin, "cr-attacker", { plan: "free", status: "FREE" });
    const attacker = await userWithSession(admin, "cr-attacker-owner", {
      organizationId: attackerOrg.id,
      role: "OWNER",
    });

    callAs(attacker.token, attackerOrg.slug);
    const response = await visit(attackerOrg.slug, victim.sessionId);

    expect(response.status).toBe(303);
    const row = await subscriptionOf(attackerOrg.id);
    expect(row).toMatchObject({ plan: "free", status: "FREE", stripeSubscriptionId: null });
    expect(await subscriptionOf(victim.org.id)).toMatchObject({ plan: "free", status: "FREE" });
  });

  it("answers a non-member with not found and changes nothing", async () => {
    const { org, sessionId } = await paidCheckout("cr-outsider");
    const outsider = await userWithSession(admin, "cr-outsider-user");

    callAs(outsider.token, org.slug);
    const response = await visit(org.slug, sessionId);

    expect(response.status).toBe(404);
    expect(await subscriptionOf(org.id)).toMatchObject({ plan: "free", status: "FREE" });
  });

  it("refuses a member without billing permission and changes nothing", async () => {
    const { org, sessionId } = await paidCheckout("cr-member");
    const member = await userWithSession(admin, "cr-member-user", {
      organizationId: org.id,
      role: "MEMBER",
    });

    callAs(member.token, org.slug);
    const response = await visit(org.slug, sessionId);

    expect(response.status).toBe(403);
    expect(await subscriptionOf(org.id)).toMatchObject({ plan: "free", status: "FREE" });
  });

  it("sends a signed-out visitor to sign in, back to the same return", async () => {
    const { org, sessionId } = await paidCheckout("cr-signed-out");

    callAs(undefined, org.slug);
    const response = await visit(org.slug, sessionId);

    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("callbackUrl")).toContain(`session_id=${sessionId}`);
    expect(await subscriptionOf(org.id)).toMatchObject({ plan: "free", status: "FREE" });
  });
});
