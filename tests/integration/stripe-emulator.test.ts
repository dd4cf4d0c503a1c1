import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStripeEmulator, type StripeEmulator } from "@/scripts/stripe-emulator/server";

// The emulator driven through the real SDK, with a local receiver standing in for the
// application's webhook route and verifying every delivery's signature.

const WEBHOOK_SECRET = "whsec_emulator_test_secret";

type Receiver = {
  url: string;
  /** Verified events, in arrival order. */
  events: Stripe.Event[];
  /** Deliveries whose signature did not verify. */
  rejected: string[];
  /** The status the receiver answers with; set to 500 to simulate an outage. */
  status: number;
  since(mark: number): Stripe.Event[];
  stop(): Promise<void>;
};

async function startReceiver(): Promise<Receiver> {
  const receiver = {
    events: [] as Stripe.Event[],
    rejected: [] as string[],
    status: 200,
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const signature = request.headers["stripe-signature"] ?? "";
      try {
        receiver.events.push(Stripe.webhooks.constructEvent(raw, signature, WEBHOOK_SECRET));
      } catch (error) {
        receiver.rejected.push(String(error));
      }
      response.writeHead(receiver.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    since: (mark: number) => receiver.events.slice(mark),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function client(port: number, key = "sk_test_emulator"): Stripe {
  return new Stripe(key, { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
}

let receiver: Receiver;
let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startStripeEmulator({
    port: 0,
    webhookUrl: receiver.url,
    webhookSecret: WEBHOOK_SECRET,
  });
  stripe = client(emulator.port);
});

afterAll(async () => {
  await emulator?.stop();
  await receiver?.stop();
});

/** A product with a cheaper and a dearer monthly price, under lookup keys unique to the test. */
async function createPlans() {
  const suffix = randomUUID().slice(0, 8);
  const product = await stripe.products.create({ name: `Keel Pro ${suffix}` });
  const basic = await stripe.prices.create({
    product: product.id,
    unit_amount: 1_000,
    currency: "usd",
    recurring: { interval: "month" },
    lookup_key: `basic_monthly_${suffix}`,
  });
  const pro = await stripe.prices.create({
    product: product.id,
    unit_amount: 3_000,
    currency: "usd",
    recurring: { interval: "month" },
    lookup_key: `pro_monthly_${suffix}`,
  });
  const proYearly = await stripe.prices.create({
    product: product.id,
    unit_amount: 30_000,
    currency: "usd",
    recurring: { interval: "year" },
    lookup_key: `pro_yearly_${suffix}`,
  });
  return { product, basic, pro, proYearly, suffix };
}

/** Posts the hosted checkout page's Pay form the way a browser would. */
async function pay(sessionUrl: string): Promise<Response> {
  return fetch(`${sessionUrl}/pay`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "",
    redirect: "manual",
  });
}

/** A customer who went through checkout; returns the completed session and subscription. */
async function subscribe(options: { price: string; quantity?: number; trialDays?: number }) {
  const customer = await stripe.customers.create({
    email: `owner-${randomUUID().slice(0, 6)}@acme.test`,
    metadata: { organizationId: "org_1" },
  });
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    client_reference_id: "org_1",
    metadata: { organizationId: "org_1" },
    line_items: [{ price: options.price, quantity: options.quantity ?? 1 }],
    subscription_data: {
      ...(options.trialDays ? { trial_period_days: options.trialDays } : {}),
      metadata: { organizationId: "org_1" },
    },
    success_url: "http://app.test/billing?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://app.test/billing?canceled=1",
  });
  const response = await pay(session.url!);
  expect(response.status).toBe(303);
  const completed = await stripe.checkout.sessions.retrieve(session.id, {
    expand: ["subscription"],
  });
  const subscription = completed.subscription as Stripe.Subscription;
  return { customer, session, completed, subscription, response };
}

describe("products and prices", () => {
  it("creates prices and finds them by lookup key", async () => {
    const { product, basic, pro, suffix } = await createPlans();
    expect(basic.id).toMatch(/^price_/);
    expect(product.id).toMatch(/^prod_/);

    const found = await stripe.prices.list({
      lookup_keys: [`pro_monthly_${suffix}`],
      expand: ["data.product"],
    });
    expect(found.data.map((price) => price.id)).toEqual([pro.id]);
    expect(found.data[0]!.recurring?.interval).toBe("month");
    expect(found.data[0]!.unit_amount).toBe(3_000);
    expect((found.data[0]!.product as Stripe.Product).name).toBe(product.name);

    const both = await stripe.prices.list({
      lookup_keys: [`pro_monthly_${suffix}`, `basic_monthly_${suffix}`],
    });
    expect(both.data.map((price) => price.id).sort()).toEqual([basic.id, pro.id].sort());
  });

  it("keeps lookup keys unique unless transfer_lookup_key moves them", async () => {
    const { product, basic, suffix } = await createPlans();
    const create = () =>
      stripe.prices.create({
        product: product.id,
        unit_amount: 1_200,
        currency: "usd",
        recurring: { interval: "month" },
        lookup_key: `basic_monthly_${suffix}`,
      });
    await expect(create()).rejects.toMatchObject({ statusCode: 400, param: "lookup_key" });

    const moved = await stripe.prices.create({
      product: product.id,
      unit_amount: 1_200,
      currency: "usd",
      recurring: { interval: "month" },
      lookup_key: `basic_monthly_${suffix}`,
      transfer_lookup_key: true,
    });
    expect((await stripe.prices.retrieve(basic.id)).lookup_key).toBeNull();
    const listed = await stripe.prices.list({ lookup_keys: [`basic_monthly_${suffix}`] });
    expect(listed.data.map((price) => price.id)).toEqual([moved.id]);
  });

  it("updates a price and a product", async () => {
    const { product, basic } = await createPlans();
    const updated = await stripe.prices.update(basic.id, {
      active: false,
      nickname: "Legacy",
      metadata: { tier: "basic" },
    });
    expect(updated).toMatchObject({
      active: false,
      nickname: "Legacy",
      metadata: { tier: "basic" },
    });
    const inactive = await stripe.prices.list({ product: product.id, active: false });
    expect(inactive.data.map((price) => price.id)).toEqual([basic.id]);

    const renamed = await stripe.products.update(product.id, { name: "Renamed" });
    expect(renamed.name).toBe("Renamed");
    expect((await stripe.products.retrieve(product.id)).name).toBe("Renamed");
  });
});

describe("checkout", () => {
  it("completes a trial checkout: redirect, three signed webhooks in order, trialing subscription", async () => {
    const { pro } = await createPlans();
    const mark = receiver.events.length;
    const { session, completed, subscription, response, customer } = await subscribe({
      price: pro.id,
      quantity: 2,
      trialDays: 14,
    });

    expect(session.id).toMatch(/^cs_test_/);
    expect(session.status).toBe("open");
    expect(session.url).toBe(`http://localhost:${emulator.port}/checkout/${session.id}`);
    expect(response.headers.get("location")).toBe(
      `http://app.test/billing?session_id=${session.id}`,
    );

    // Delivered before the redirect was answered, in Stripe's order, each signed.
    const events = receiver.since(mark);
    expect(events.map((event) => event.type)).toEqual([
      "checkout.session.completed",
      "customer.subscription.created",
      "invoice.paid",
    ]);
    expect(receiver.rejected).toEqual([]);
    const [sessionEvent, createdEvent, paidEvent] = events;
    expect(sessionEvent!.api_version).toBe(Stripe.API_VERSION);
    expect(sessionEvent!.livemode).toBe(false);
    const eventSession = sessionEvent!.data.object as Stripe.Checkout.Session;
    expect(eventSession).toMatchObject({
      id: session.id,
      status: "complete",
      client_reference_id: "org_1",
      metadata: { organizationId: "org_1" },
      customer: customer.id,
      subscription: subscription.id,
    });
    expect((createdEvent!.data.object as Stripe.Subscription).id).toBe(subscription.id);
    const invoice = paidEvent!.data.object as Stripe.Invoice;
    expect(invoice.parent?.subscription_details?.subscription).toBe(subscription.id);
    expect(invoice).toMatchObject({ status: "paid", amount_paid: 0, total: 0 });

    expect(completed.status).toBe("complete");
    expect(subscription.id).toMatch(/^sub_/);
    expect(subscription.status).toBe("trialing");
    expect(subscription.metadata).toEqual({ organizationId: "org_1" });
    expect(subscription.customer).toBe(customer.id);
    expect(subscription.latest_invoice).toBe(invoice.id);
    const item = subscription.items.data[0]!;
    expect(item.id).toMatch(/^si_/);
    expect(item.price.id).toBe(pro.id);
    expect(item.quantity).toBe(2);
    const fourteenDays = 14 * 86_400;
    expect(subscription.trial_end! - subscription.trial_start!).toBe(fourteenDays);
    expect(item.current_period_end).toBe(subscription.trial_end);
    expect(item.current_period_start).toBe(subscription.trial_start);
  });

  it("charges the first period when there is no trial", async () => {
    const { basic } = await createPlans();
    const { subscription } = await subscribe({ price: basic.id, quantity: 3 });
    expect(subscription.status).toBe("active");
    expect(subscription.trial_end).toBeNull();
    const invoice = await stripe.invoices.retrieve(subscription.latest_invoice as string);
    expect(invoice).toMatchObject({
      status: "paid",
      amount_due: 3_000,
      amount_paid: 3_000,
      total: 3_000,
    });
    expect(invoice.number).toMatch(/-0001$/);
    expect(invoice.hosted_invoice_url).toBe(
      `http://localhost:${emulator.port}/invoices/${invoice.id}`,
    );

    const page = await fetch(invoice.hosted_invoice_url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(invoice.number!);
  });

  it("shows the order on the hosted page and does not subscribe twice when paid twice", async () => {
    const { product, basic } = await createPlans();
    const customer = await stripe.customers.create({ email: "twice@acme.test" });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: basic.id, quantity: 1 }],
      subscription_data: { trial_period_days: 7 },
      success_url: "http://app.test/done?id={CHECKOUT_SESSION_ID}",
      cancel_url: "http://app.test/cancel",
    });
    const page = await fetch(session.url!);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(product.name);
    expect(html).toContain("7-day free trial");
    expect(html).toMatch(/<button type="submit">Pay<\/button>/);
    expect(html).toContain('href="http://app.test/cancel"');

    const mark = receiver.events.length;
    const first = await pay(session.url!);
    const second = await pay(session.url!);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe(`http://app.test/done?id=${session.id}`);

    const subscriptions = await stripe.subscriptions.list({ customer: customer.id, status: "all" });
    expect(subscriptions.data).toHaveLength(1);
    expect(receiver.since(mark).map((event) => event.type)).toEqual([
      "checkout.session.completed",
      "customer.subscription.created",
      "invoice.paid",
    ]);
  });

  it("takes a promotion code typed on the hosted page and charges the discounted first period", async () => {
    const { basic } = await createPlans();
    const suffix = randomUUID().slice(0, 6).toUpperCase();
    const coupon = await stripe.coupons.create({
      percent_off: 25,
      duration: "forever",
      name: "Launch",
    });
    const code = await stripe.promotionCodes.create({
      promotion: { type: "coupon", coupon: coupon.id },
      code: `LAUNCH${suffix}`,
    });
    const customer = await stripe.customers.create({ email: "promo@acme.test" });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: basic.id, quantity: 2 }],
      allow_promotion_codes: true,
      success_url: "http://app.test/done",
    });
    const enter = (typed: string) =>
      fetch(`${session.url}/promotion`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ code: typed }).toString(),
        redirect: "manual",
      });

    expect(await (await fetch(session.url!)).text()).toContain('<label for="promotion-code">');
    const refused = await enter("NOT-A-CODE");
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain('role="alert">This code is invalid.</p>');
    expect(refusedPage).toContain('value="NOT-A-CODE"');
    expect((await stripe.checkout.sessions.retrieve(session.id)).amount_total).toBe(2_000);

    // Codes match without case, as on Stripe.
    const taken = await enter(` launch${suffix.toLowerCase()} `);
    expect(taken.status).toBe(303);
    expect(taken.headers.get("location")).toBe(`/checkout/${session.id}`);
    const page = await (await fetch(session.url!)).text();
    expect(page).toContain(`Discount (LAUNCH${suffix}: Launch)`);
    expect(page).toContain("−$5.00");
    expect(page).not.toContain('<label for="promotion-code">');
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      amount_subtotal: 2_000,
      amount_total: 1_500,
      total_details: { amount_discount: 500 },
      discounts: [{ coupon: coupon.id, promotion_code: code.id }],
    });

    expect((await pay(session.url!)).status).toBe(303);
    const [subscription] = (await stripe.subscriptions.list({ customer: customer.id })).data;
    const invoice = await stripe.invoices.retrieve(subscription!.latest_invoice as string);
    expect(invoice).toMatchObject({ subtotal: 2_000, total: 1_500, amount_paid: 1_500 });
    expect((await stripe.promotionCodes.retrieve(code.id)).times_redeemed).toBe(1);
  });

  it("offers no code field unless the session allows codes, and refuses a code posted anyway", async () => {
    const { basic } = await createPlans();
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: basic.id, quantity: 1 }],
      customer_email: "nocodes@acme.test",
    });
    expect(await (await fetch(session.url!)).text()).not.toContain("Promotion code");
    const posted = await fetch(`${session.url}/promotion`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "code=ANY",
      redirect: "manual",
    });
    expect(posted.status).toBe(400);
    expect(await posted.text()).toContain("This checkout does not take promotion codes.");
  });

  it("rejects sessions that are not subscriptions or lack line items", async () => {
    const { basic } = await createPlans();
    await expect(
      stripe.checkout.sessions.create({
        mode: "payment",
        line_items: [{ price: basic.id, quantity: 1 }],
        success_url: "http://app.test/ok",
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: "mode" });
    await expect(
      stripe.checkout.sessions.create({ mode: "subscription", success_url: "http://app.test/ok" }),
    ).rejects.toMatchObject({ statusCode: 400, code: "parameter_missing", param: "line_items" });
    await expect(
      stripe.checkout.sessions.create({
        mode: "subscription",
        line_items: [{ price: "price_missing", quantity: 1 }],
      }),
    ).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});

describe("subscription changes", () => {
  it("updates the quantity and emits customer.subscription.updated with previous attributes", async () => {
    const { basic } = await createPlans();
    const { subscription } = await subscribe({ price: basic.id, quantity: 1 });
    const item = subscription.items.data[0]!;

    const mark = receiver.events.length;
    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, quantity: 5 }],
      proration_behavior: "none",
      metadata: { seats: "5" },
    });
    expect(updated.items.data[0]).toMatchObject({ id: item.id, quantity: 5 });
    expect(updated.metadata).toEqual({ organizationId: "org_1", seats: "5" });

    await emulator.settled();
    const events = receiver.since(mark);
    expect(events.map((event) => event.type)).toEqual(["customer.subscription.updated"]);
    const data = events[0]!.data as Stripe.CustomerSubscriptionUpdatedEvent.Data;
    expect(data.object.items.data[0]!.quantity).toBe(5);
    expect(data.previous_attributes?.items?.data[0]?.quantity).toBe(1);
    expect(data.previous_attributes?.metadata).toEqual({ organizationId: "org_1" });
    expect(data.previous_attributes).not.toHaveProperty("status");
    expect(events[0]!.request?.id).toMatch(/^req_/);
  });

  it("previews a positive proration when upgrading to a dearer price", async () => {
    const { basic, pro } = await createPlans();
    const { subscription } = await subscribe({ price: basic.id, quantity: 1 });
    const item = subscription.items.data[0]!;

    const immediate = await stripe.invoices.createPreview({
      customer: subscription.customer as string,
      subscription: subscription.id,
      subscription_details: {
        items: [{ id: item.id, price: pro.id }],
        proration_behavior: "always_invoice",
      },
    });
    const sum = immediate.lines.data.reduce((total, line) => total + line.amount, 0);
    expect(immediate.total).toBe(sum);
    expect(immediate.amount_due).toBe(sum);
    expect(immediate.total).toBeGreaterThan(0);
    // Credit for the unused cheaper price, charge for the dearer one: 3000 − 1000 at most.
    expect(immediate.total).toBeLessThanOrEqual(2_000);
    expect(immediate.lines.data.map((line) => Math.sign(line.amount)).sort()).toEqual([-1, 1]);
    expect(
      immediate.lines.data.every((line) => line.parent?.subscription_item_details?.proration),
    ).toBe(true);

    const nextInvoice = await stripe.invoices.createPreview({
      subscription: subscription.id,
      subscription_details: { items: [{ id: item.id, price: pro.id }] },
    });
    expect(nextInvoice.total).toBe(immediate.total + 3_000);

    const downgrade = await stripe.invoices.createPreview({
      subscription: subscription.id,
      subscription_details: {
        items: [{ id: item.id, price: basic.id, quantity: 1 }],
        proration_behavior: "always_invoice",
      },
    });
    expect(downgrade.total).toBe(0);

    // A preview changes nothing.
    const unchanged = await stripe.subscriptions.retrieve(subscription.id);
    expect(unchanged.items.data[0]!.price.id).toBe(basic.id);
  });

  it("invoices the proration at once with always_invoice", async () => {
    const { basic, pro } = await createPlans();
    const { subscription } = await subscribe({ price: basic.id });
    const mark = receiver.events.length;
    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]!.id, price: pro.id }],
      proration_behavior: "always_invoice",
      expand: ["latest_invoice"],
    });
    const invoice = updated.latest_invoice as Stripe.Invoice;
    expect(invoice.billing_reason).toBe("subscription_update");
    expect(invoice.status).toBe("paid");
    expect(invoice.total).toBeGreaterThan(0);
    await emulator.settled();
    expect(receiver.since(mark).map((event) => event.type)).toEqual([
      "customer.subscription.updated",
      "invoice.paid",
    ]);
  });

  it("restarts the billing cycle and bills at once when the interval changes", async () => {
    const { basic, proYearly } = await createPlans();
    const { subscription } = await subscribe({ price: basic.id });
    const item = subscription.items.data[0]!;
    const preview = await stripe.invoices.createPreview({
      subscription: subscription.id,
      subscription_details: {
        items: [{ id: item.id, price: proYearly.id }],
        proration_behavior: "create_prorations",
      },
    });
    const amounts = preview.lines.data.map((line) => line.amount).sort((a, b) => a - b);
    expect(amounts).toHaveLength(2);
    expect(amounts[0]).toBeLessThan(0);
    expect(amounts[0]).toBeGreaterThanOrEqual(-1_000);
    expect(amounts[1]).toBe(30_000);
    expect(preview.total).toBe(amounts[0]! + amounts[1]!);

    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, price: proYearly.id }],
      proration_behavior: "create_prorations",
      expand: ["latest_invoice"],
    });
    const updatedItem = updated.items.data[0]!;
    expect(updatedItem.price.recurring?.interval).toBe("year");
    expect(
      updatedItem.current_period_end - updatedItem.current_period_start,
    ).toBeGreaterThanOrEqual(365 * 86_400);
    expect((updated.latest_invoice as Stripe.Invoice).total).toBe(preview.total);
  });

  it("schedules cancellation at period end and resumes", async () => {
    const { basic } = await createPlans();
    const { subscription } = await subscribe({ price: basic.id });
    const periodEnd = subscription.items.data[0]!.current_period_end;

    const mark = receiver.events.length;
    const canceling = await stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: true,
    });
    expect(canceling).toMatchObject({
      status: "active",
      cancel_at_period_end: true,
      cancel_at: periodEnd,
    });
    const resumed = await stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: false,
    });
    expect(resumed).toMatchObject({
      status: "active",
      cancel_at_period_end: false,
      cancel_at: null,
    });

    await emulator.settled();
    const events = receiver.since(mark);
    expect(events.map((event) => event.type)).toEqual([
      "customer.subscription.updated",
      "customer.subscription.updated",
    ]);
    const [scheduled, undone] = events.map(
      (event) => event.data as Stripe.CustomerSubscriptionUpdatedEvent.Data,
    );
    expect(scheduled!.previous_attributes?.cancel_at_period_end).toBe(false);
    expect(scheduled!.object.cancel_at_period_end).toBe(true);
    expect(undone!.previous_attributes?.cancel_at_period_end).toBe(true);
  });

  it("cancels immediately on DELETE", async () => {
    const { basic } = await createPlans();
    const { subscription, customer } = await subscribe({ price: basic.id });
    const mark = receiver.events.length;
    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled.status).toBe("canceled");
    expect(canceled.canceled_at).toEqual(expect.any(Number));
    expect(canceled.ended_at).toEqual(expect.any(Number));

    await emulator.settled();
    const events = receiver.since(mark);
    expect(events.map((event) => event.type)).toEqual(["customer.subscription.deleted"]);
    expect((events[0]!.data.object as Stripe.Subscription).status).toBe("canceled");

    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
    const all = await stripe.subscriptions.list({ customer: customer.id, status: "all" });
    expect(all.data.map((entry) => entry.id)).toEqual([subscription.id]);
    await expect(stripe.subscriptions.cancel(subscription.id)).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it("lets the billing portal cancel at period end and resume", async () => {
    const { basic } = await createPlans();
    const { subscription, customer } = await subscribe({ price: basic.id });
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: "http://app.test/settings/billing",
    });
    expect(portal.id).toMatch(/^bps_/);
    expect(portal.url).toBe(`http://localhost:${emulator.port}/portal/${portal.id}`);

    const page = await (await fetch(portal.url)).text();
    expect(page).toContain("Cancel at period end");
    expect(page).toContain('href="http://app.test/settings/billing"');

    const mark = receiver.events.length;
    const post = (action: string) =>
      fetch(`${portal.url}/subscriptions/${subscription.id}/${action}`, {
        method: "POST",
        redirect: "manual",
      });
    const cancel = await post("cancel");
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe(`/portal/${portal.id}`);
    expect((await stripe.subscriptions.retrieve(subscription.id)).cancel_at_period_end).toBe(true);
    expect(await (await fetch(portal.url)).text()).toContain("Resume");

    await post("resume");
    expect((await stripe.subscriptions.retrieve(subscription.id)).cancel_at_period_end).toBe(false);
    expect(receiver.since(mark).map((event) => event.type)).toEqual([
      "customer.subscription.updated",
      "customer.subscription.updated",
    ]);
  });
});

describe("renewals and trials", () => {
  const control = (subscription: string, action: string) =>
    fetch(`${emulator.url}/_emulator/subscriptions/${subscription}/${action}`, { method: "POST" });

  it("fails a renewal into past_due and recovers when the open invoice is paid", async () => {
    const { basic } = await createPlans();
    const { subscription } = await subscribe({ price: basic.id, quantity: 2 });
    const firstPeriodEnd = subscription.items.data[0]!.current_period_end;

    let mark = receiver.events.length;
    const failed = await control(subscription.id, "fail_renewal");
    expect(failed.status).toBe(200);
    const pastDue = await stripe.subscriptions.retrieve(subscription.id, {
      expand: ["latest_invoice"],
    });
    expect(pastDue.status).toBe("past_due");
    expect(pastDue.items.data[0]!.current_period_start).toBe(firstPeriodEnd);
    const open = pastDue.latest_invoice as Stripe.Invoice;
    expect(open).toMatchObject({
      status: "open",
      attempt_count: 1,
      amount_due: 2_000,
      amount_paid: 0,
      billing_reason: "subscription_cycle",
    });
    let events = receiver.since(mark);
    expect(events.map((event) => event.type)).toEqual([
      "invoice.payment_failed",
      "customer.subscription.updated",
    ]);
    const update = events[1]!.data as Stripe.CustomerSubscriptionUpdatedEvent.Data;
    expect(update.previous_attributes?.status).toBe("active");

    const invoices = await stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data.map((invoice) => invoice.id)[0]).toBe(open.id);
    expect(invoices.data).toHaveLength(2);

    mark = receiver.events.length;
    expect((await control(subscription.id, "pay_open_invoice")).status).toBe(200);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe("active");
    expect(await stripe.invoices.retrieve(open.id)).toMatchObject({
      status: "paid",
      amount_paid: 2_000,
      amount_remaining: 0,
    });
    events = receiver.since(mark);
    expect(events.map((event) => event.type)).toEqual([
      "invoice.paid",
      "customer.subscription.updated",
    ]);
    expect((events[0]!.data.object as Stripe.Invoice).id).toBe(open.id);

    const again = await control(subscription.id, "pay_open_invoice");
    expect(again.status).toBe(400);
  });

  it("announces and ends a trial", async () => {
    const { pro } = await createPlans();
    const { subscription } = await subscribe({ price: pro.id, trialDays: 30 });
    const mark = receiver.events.length;
    expect((await control(subscription.id, "trial_will_end")).status).toBe(200);
    expect((await control(subscription.id, "end_trial")).status).toBe(200);

    const active = await stripe.subscriptions.retrieve(subscription.id, {
      expand: ["latest_invoice"],
    });
    expect(active.status).toBe("active");
    expect((active.latest_invoice as Stripe.Invoice).amount_paid).toBe(3_000);
    expect(receiver.since(mark).map((event) => event.type)).toEqual([
      "customer.subscription.trial_will_end",
      "customer.subscription.updated",
      "invoice.paid",
    ]);
    expect((await control(subscription.id, "end_trial")).status).toBe(400);
  });

  it("shows subscriptions with their controls on the index page", async () => {
    const { basic } = await createPlans();
    const { subscription } = await subscribe({ price: basic.id });
    const html = await (await fetch(`${emulator.url}/`)).text();
    expect(html).toContain(subscription.id);
    expect(html).toContain(`action="/_emulator/subscriptions/${subscription.id}/fail_renewal"`);
    expect(html).toContain("Simulate failed renewal");
    expect(html).toContain("Pay open invoice");

    // The index page's form comes back to the index.
    const response = await fetch(
      `${emulator.url}/_emulator/subscriptions/${subscription.id}/fail_renewal`,
      {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "redirect=%2F",
        redirect: "manual",
      },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    expect(
      emulator.state().subscriptions.find((entry) => entry.id === subscription.id)?.status,
    ).toBe("past_due");
  });
});

describe("events and delivery", () => {
  it("lists failed deliveries and flips them once redelivered", async () => {
    const { basic } = await createPlans();
    const { subscription } = await subscribe({ price: basic.id });
    const startedAt = Math.floor(Date.now() / 1000);

    receiver.status = 500;
    try {
      await stripe.subscriptions.update(subscription.id, { metadata: { plan: "changed" } });
      await emulator.settled();
    } finally {
      receiver.status = 200;
    }

    const undelivered = await stripe.events.list({
      delivery_success: false,
      created: { gte: startedAt },
    });
    const failed = undelivered.data.find(
      (event) => (event.data.object as Stripe.Subscription).id === subscription.id,
    );
    expect(failed?.type).toBe("customer.subscription.updated");
    expect(failed?.pending_webhooks).toBe(1);

    const redelivered = await fetch(`${emulator.url}/_emulator/events/${failed!.id}/redeliver`, {
      method: "POST",
    });
    expect(await redelivered.json()).toMatchObject({ id: failed!.id, delivery_success: true });
    expect(receiver.events.at(-1)?.id).toBe(failed!.id);

    const after = await stripe.events.list({
      delivery_success: false,
      created: { gte: startedAt },
    });
    expect(after.data.map((event) => event.id)).not.toContain(failed!.id);
    const retrieved = await stripe.events.retrieve(failed!.id);
    expect(retrieved.pending_webhooks).toBe(0);
  });

  it("filters events by type, newest first", async () => {
    const { basic } = await createPlans();
    const { subscription } = await subscribe({ price: basic.id });
    const byType = await stripe.events.list({ type: "customer.subscription.created", limit: 3 });
    expect(byType.data.length).toBeGreaterThan(0);
    expect(byType.data.every((event) => event.type === "customer.subscription.created")).toBe(true);
    expect((byType.data[0]!.data.object as Stripe.Subscription).id).toBe(subscription.id);

    const byTypes = await stripe.events.list({
      types: ["invoice.paid", "checkout.session.completed"],
      limit: 2,
    });
    expect(byTypes.data.map((event) => event.type)).toEqual([
      "invoice.paid",
      "checkout.session.completed",
    ]);
    expect(byTypes.has_more).toBe(true);
    const nextPage = await stripe.events.list({
      types: ["invoice.paid", "checkout.session.completed"],
      limit: 2,
      starting_after: byTypes.data[1]!.id,
    });
    expect(nextPage.data[0]!.created).toBeLessThanOrEqual(byTypes.data[1]!.created);
    expect(nextPage.data.map((event) => event.id)).not.toContain(byTypes.data[0]!.id);
  });

  it("signs with the configured secret only", async () => {
    const { basic } = await createPlans();
    const mark = receiver.events.length;
    await subscribe({ price: basic.id });
    const [event] = receiver.since(mark);
    const payload = JSON.stringify(event);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_other" });
    expect(() => Stripe.webhooks.constructEvent(payload, header, WEBHOOK_SECRET)).toThrow();
    expect(receiver.rejected).toEqual([]);
  });
});

describe("errors and requests", () => {
  it("refuses requests without a test key", async () => {
    await expect(client(emulator.port, "sk_live_nope").customers.create()).rejects.toMatchObject({
      type: "StripeAuthenticationError",
      statusCode: 401,
    });
    const response = await fetch(`${emulator.url}/v1/customers`, { method: "POST" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { type: "invalid_request_error", message: expect.any(String) },
    });
  });

  it("answers unknown ids and routes with 404 in Stripe's error shape", async () => {
    await expect(stripe.customers.retrieve("cus_missing")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
      code: "resource_missing",
    });
    await expect(stripe.subscriptions.retrieve("sub_missing")).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
    });
    const response = await fetch(`${emulator.url}/v1/charges`, {
      headers: { Authorization: "Bearer sk_test_emulator" },
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toContain("/v1/charges");
  });

  it("answers missing or invalid parameters with 400 naming the parameter", async () => {
    const { product } = await createPlans();
    await expect(
      stripe.prices.create({ product: product.id, unit_amount: 100 } as Stripe.PriceCreateParams),
    ).rejects.toMatchObject({ statusCode: 400, code: "parameter_missing", param: "currency" });
    await expect(
      stripe.prices.create({
        product: product.id,
        unit_amount: 100,
        currency: "usd",
        recurring: { interval: "fortnight" as "month" },
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: "recurring[interval]" });
    await expect(stripe.billingPortal.sessions.create({ customer: "" })).rejects.toMatchObject({
      statusCode: 400,
      param: "customer",
    });
  });

  it("replays a request sent again with the same idempotency key", async () => {
    const key = randomUUID();
    const first = await stripe.customers.create(
      { email: "same@acme.test" },
      { idempotencyKey: key },
    );
    const second = await stripe.customers.create(
      { email: "same@acme.test" },
      { idempotencyKey: key },
    );
    expect(second.id).toBe(first.id);
    const listed = await stripe.customers.list({ email: "same@acme.test", limit: 100 });
    expect(listed.data.map((customer) => customer.id)).toEqual([first.id]);
  });

  it("refuses an idempotency key reused with other parameters, as Stripe does", async () => {
    const key = randomUUID();
    const first = await stripe.customers.create(
      { email: "keyed@acme.test", name: "First" },
      { idempotencyKey: key },
    );
    await expect(
      stripe.customers.create({ email: "keyed@acme.test", name: "Other" }, { idempotencyKey: key }),
    ).rejects.toMatchObject({ statusCode: 400, type: "StripeIdempotencyError" });
    const listed = await stripe.customers.list({ email: "keyed@acme.test", limit: 100 });
    expect(listed.data.map((customer) => customer.id)).toEqual([first.id]);
  });

  it("updates customers", async () => {
    const customer = await stripe.customers.create({ email: "a@acme.test", name: "Ada" });
    expect(customer.id).toMatch(/^cus_/);
    const updated = await stripe.customers.update(customer.id, {
      email: "ada@acme.test",
      metadata: { organizationId: "org_9" },
    });
    expect(updated).toMatchObject({
      email: "ada@acme.test",
      name: "Ada",
      metadata: { organizationId: "org_9" },
    });
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
      email: "ada@acme.test",
    });
  });
});

describe("state file", () => {
  it("keeps customers, subscriptions and events across a restart", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "stripe-emulator-"));
    const stateFile = path.join(directory, "state.json");
    try {
      const first = await startStripeEmulator({
        port: 0,
        webhookSecret: WEBHOOK_SECRET,
        stateFile,
      });
      const firstClient = client(first.port);
      const product = await firstClient.products.create({ name: "Persisted" });
      const price = await firstClient.prices.create({
        product: product.id,
        unit_amount: 500,
        currency: "eur",
        recurring: { interval: "year" },
        lookup_key: "persisted_yearly",
      });
      const customer = await firstClient.customers.create({ email: "kept@acme.test" });
      const session = await firstClient.checkout.sessions.create({
        mode: "subscription",
        customer: customer.id,
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: "http://app.test/ok",
      });
      expect((await pay(session.url!)).status).toBe(303);
      await first.stop();
      expect(JSON.parse(await readFile(stateFile, "utf8"))).toMatchObject({ version: 1 });

      const second = await startStripeEmulator({
        port: 0,
        webhookSecret: WEBHOOK_SECRET,
        stateFile,
      });
      try {
        const secondClient = client(second.port);
        expect(
          ((await secondClient.customers.retrieve(customer.id)) as Stripe.Customer).email,
        ).toBe("kept@acme.test");
        const prices = await secondClient.prices.list({ lookup_keys: ["persisted_yearly"] });
        expect(prices.data.map((entry) => entry.id)).toEqual([price.id]);
        const subscriptions = await secondClient.subscriptions.list({ customer: customer.id });
        expect(subscriptions.data).toHaveLength(1);
        expect(subscriptions.data[0]!.items.data[0]!.price.id).toBe(price.id);
        // Without a webhook URL the events were recorded but count as undelivered.
        const undelivered = await secondClient.events.list({ delivery_success: false });
        expect(undelivered.data.map((event) => event.type)).toEqual([
          "invoice.paid",
          "customer.subscription.created",
          "checkout.session.completed",
        ]);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
