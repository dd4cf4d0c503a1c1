import type { Database } from "@/lib/db/create-client";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { startCheckoutAction } from "@/lib/billing/actions";
import { callAs, organization, userWithSession } from "./tenant-request";
import { emulatorClient, eventsOf, payCheckout, signedRequest } from "./stripe-test";

/**
 * An organization on Free with an owner, then upgraded through the real checkout path:
 * the billing action creates the customer and session at the emulator and the test
 * presses "Pay". The emulator records the events; nothing has been delivered to the app
 * yet, so the organization's row still says Free until a test delivers them.
 * (Import it from a test file that mocks next/headers with tenantRequest.)
 */
export async function paidOrganization(
  admin: Database,
  label: string,
  {
    plan = "pro",
    interval = "month",
  }: { plan?: "pro" | "business"; interval?: "month" | "year" } = {},
) {
  const org = await organization(admin, label, { plan: "free", status: "FREE" });
  const owner = await userWithSession(admin, `${label}-owner`, {
    organizationId: org.id,
    role: "OWNER",
  });
  callAs(owner.token, org.slug);
  const checkout = await startCheckoutAction({ plan, interval });
  if (!checkout.ok) throw new Error(`checkout failed: ${checkout.status} ${checkout.error}`);
  const paid = await payCheckout(checkout.data.url);
  if (paid.status !== 303) throw new Error(`pay failed: ${paid.status}`);
  const row = await admin.subscription.findUniqueOrThrow({ where: { organizationId: org.id } });
  const customerId = row.stripeCustomerId!;
  const subscriptions = await emulatorClient().subscriptions.list({
    customer: customerId,
    status: "all",
  });
  const subscription = subscriptions.data[0]!;
  return { org, owner, customerId, subscription, events: await eventsOf(customerId) };
}

/** Delivers to the webhook route, signed and oldest first, every event recorded for the customer. */
export async function deliverRecordedEvents(customerId: string): Promise<void> {
  for (const event of await eventsOf(customerId)) {
    await stripeWebhook(signedRequest(JSON.stringify(event)));
  }
}
