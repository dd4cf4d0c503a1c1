/**
 * The browser-facing pages: hosted checkout, the billing portal, hosted invoices and
 * an index of test controls. Server-rendered HTML with plain forms, so they work
 * without JavaScript and in Playwright without waiting for scripts.
 */
import type Stripe from "stripe";
import { checkoutDiscountLabel } from "./checkout-promotion";
import type { EmulatorCore } from "./core";
import { formatDate, formatMoney, formatPrice } from "./format";
import { idOf } from "./objects";
import type { CheckoutRecord } from "./state";

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const e = escapeHtml;

const STYLE = `
  :root { color-scheme: light dark; --accent: #635bff; --muted: #6b7280; --line: #d1d5db; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
  .banner { background: #f59e0b; color: #111; padding: .4rem 1rem; font-size: .875rem; text-align: center; }
  main { max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  h2 { font-size: 1.125rem; margin: 2rem 0 .5rem; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
  th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
  td.num, th.num { text-align: right; }
  .muted { color: var(--muted); }
  .actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-top: 1.5rem; }
  form { display: inline; margin: 0; }
  button, .button { font: inherit; cursor: pointer; border-radius: .375rem; padding: .5rem 1rem;
    border: 1px solid var(--accent); background: var(--accent); color: #fff; text-decoration: none; }
  button.secondary { background: transparent; color: var(--accent); }
  button:focus-visible, a:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }
  .status { display: inline-block; padding: 0 .5rem; border-radius: 1rem; border: 1px solid var(--line); font-size: .875rem; }
  code { font-size: .875em; }
  form.promotion { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-top: 1rem; }
  input { font: inherit; padding: .45rem .6rem; border: 1px solid var(--line); border-radius: .375rem; }
  #promotion-error { flex-basis: 100%; margin: 0; color: light-dark(#b91c1c, #fca5a5); }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} · Stripe emulator</title>
<style>${STYLE}</style>
</head>
<body>
<p class="banner" role="note">Test mode: local Stripe emulator. No real payment is taken.</p>
<main>
${body}
</main>
</body>
</html>`;
}

export function notFoundPage(what: string): string {
  return layout("Not found", `<h1>Not found</h1><p>${e(what)}</p>`);
}

function productName(core: EmulatorCore, price: Stripe.Price): string {
  return core.data.products[idOf(price.product)]?.name ?? price.nickname ?? price.id;
}

/** `code` and `error`: a promotion code the page refused, typed back into its field. */
export function checkoutPage(
  core: EmulatorCore,
  record: CheckoutRecord,
  entered: { code: string; error: string } | null = null,
): string {
  const session = record.session;
  const metered = record.lineItems.flatMap((line) => {
    const price = core.data.prices[line.price];
    return price?.recurring?.usage_type === "metered" ? [price] : [];
  });
  // Usage-based prices are listed apart, as Stripe's checkout does: nothing is due for them today.
  const usage = metered.length
    ? `<p>Billed by usage at the end of each period:</p>
<ul>${metered
        .map((price) => {
          const per = price.transform_quantity?.divide_by ?? 1;
          return `<li>${e(price.nickname ?? productName(core, price))}: ${e(formatMoney(price.unit_amount ?? 0, price.currency))} per ${per} units</li>`;
        })
        .join("")}</ul>`
    : "";
  const rows = record.lineItems
    .map((line) => {
      const price = core.data.prices[line.price];
      if (!price || price.recurring?.usage_type === "metered") return "";
      const subtotal = (price.unit_amount ?? 0) * line.quantity;
      return `<tr>
  <th scope="row">${e(productName(core, price))}</th>
  <td>${e(formatPrice(price))}</td>
  <td class="num">${line.quantity}</td>
  <td class="num">${e(formatMoney(subtotal, price.currency))}</td>
</tr>`;
    })
    .join("\n");
  const currency = session.currency ?? "usd";
  const trial = record.trialPeriodDays
    ? `<p><strong>${record.trialPeriodDays}-day free trial.</strong> Nothing is charged today; billing starts when the trial ends.</p>`
    : "";
  const customer = session.customer ? core.data.customers[idOf(session.customer)] : undefined;
  const email = customer?.email ?? session.customer_email;
  const cancel = session.cancel_url ? `<a href="${e(session.cancel_url)}">Cancel</a>` : "";
  const discountLabel = checkoutDiscountLabel(core, record);
  const discountRow = discountLabel
    ? `<tr><th scope="row" colspan="3">Discount (${e(discountLabel)})</th><td class="num">−${e(formatMoney(session.total_details?.amount_discount ?? 0, currency))}</td></tr>\n  `
    : "";
  const refusal = entered ? `<p id="promotion-error" role="alert">${e(entered.error)}</p>` : "";
  // Stripe's page offers the field only when the session allows codes and has none yet.
  const promotion =
    session.status === "open" && session.allow_promotion_codes && !discountLabel
      ? `<form method="post" action="/checkout/${e(session.id)}/promotion" class="promotion">
  <label for="promotion-code">Promotion code</label>
  <input id="promotion-code" name="code" autocomplete="off" value="${e(entered?.code ?? "")}"${
    entered ? ` aria-invalid="true" aria-describedby="promotion-error"` : ""
  }>
  <button type="submit">Apply</button>
  ${refusal}
</form>`
      : refusal;
  const actions =
    session.status === "open"
      ? `<div class="actions">
  <form method="post" action="/checkout/${e(session.id)}/pay"><button type="submit">Pay</button></form>
  ${cancel}
</div>`
      : `<p role="status">This checkout session is ${e(session.status ?? "closed")}.</p>
<div class="actions">${
          session.success_url
            ? `<a class="button" href="${e(successUrl(session))}">Continue</a>`
            : ""
        }</div>`;
  return layout(
    "Checkout",
    `<h1>Subscribe</h1>
${email ? `<p class="muted">Customer: ${e(email)}</p>` : ""}
<table>
  <caption>Order summary</caption>
  <thead><tr><th scope="col">Product</th><th scope="col">Price</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Subtotal</th></tr></thead>
  <tbody>
${rows}
  </tbody>
  <tfoot>${discountRow}<tr><th scope="row" colspan="3">Due today</th><td class="num">${e(formatMoney(session.amount_total ?? 0, currency))}</td></tr></tfoot>
</table>
${usage}
${trial}
${promotion}
${actions}`,
  );
}

/** Where a completed checkout sends the browser, with Stripe's template filled in. */
export function successUrl(session: Stripe.Checkout.Session): string {
  return (session.success_url ?? "").replaceAll("{CHECKOUT_SESSION_ID}", session.id);
}

function subscriptionSummary(core: EmulatorCore, subscription: Stripe.Subscription): string {
  return subscription.items.data
    .map(
      (item) =>
        `${item.quantity ?? 1} × ${productName(core, item.price)} (${formatPrice(item.price)})`,
    )
    .join(", ");
}

function periodEnd(subscription: Stripe.Subscription): number | null {
  return subscription.items.data[0]?.current_period_end ?? null;
}

function invoicesTable(invoices: Stripe.Invoice[], caption: string): string {
  if (invoices.length === 0) return `<p class="muted">No invoices yet.</p>`;
  const rows = invoices
    .map(
      (invoice) => `<tr>
  <th scope="row">${invoice.hosted_invoice_url ? `<a href="${e(invoice.hosted_invoice_url)}">${e(invoice.number ?? invoice.id)}</a>` : e(invoice.number ?? invoice.id)}</th>
  <td>${e(formatDate(invoice.created))}</td>
  <td class="num">${e(formatMoney(invoice.total, invoice.currency))}</td>
  <td><span class="status">${e(invoice.status ?? "")}</span></td>
</tr>`,
    )
    .join("\n");
  return `<table>
  <caption>${e(caption)}</caption>
  <thead><tr><th scope="col">Invoice</th><th scope="col">Date</th><th scope="col" class="num">Amount</th><th scope="col">Status</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>`;
}

export function portalPage(core: EmulatorCore, session: Stripe.BillingPortal.Session): string {
  const customer = core.data.customers[session.customer];
  const subscriptions = Object.values(core.data.subscriptions)
    .reverse()
    .filter((subscription) => idOf(subscription.customer) === session.customer);
  const invoices = Object.values(core.data.invoices)
    .reverse()
    .filter((invoice) => invoice.customer !== null && idOf(invoice.customer) === session.customer);
  const subscriptionBlocks = subscriptions
    .map((subscription) => {
      const end = periodEnd(subscription);
      const live =
        subscription.status !== "canceled" && subscription.status !== "incomplete_expired";
      const action = subscription.cancel_at_period_end ? "resume" : "cancel";
      const label = subscription.cancel_at_period_end ? "Resume" : "Cancel at period end";
      const note =
        subscription.cancel_at_period_end && end
          ? `Cancels on ${formatDate(end)}.`
          : subscription.status === "trialing" && subscription.trial_end
            ? `Trial ends on ${formatDate(subscription.trial_end)}.`
            : end && live
              ? `Renews on ${formatDate(end)}.`
              : "";
      return `<section aria-labelledby="sub-${e(subscription.id)}">
  <h2 id="sub-${e(subscription.id)}">${e(subscriptionSummary(core, subscription))}</h2>
  <p><span class="status">${e(subscription.status)}</span> ${e(note)}</p>
  ${
    live
      ? `<form method="post" action="/portal/${e(session.id)}/subscriptions/${e(subscription.id)}/${action}">
    <button type="submit"${action === "cancel" ? ' class="secondary"' : ""}>${label}</button>
  </form>`
      : ""
  }
</section>`;
    })
    .join("\n");
  const back = session.return_url
    ? `<div class="actions"><a href="${e(session.return_url)}">Return</a></div>`
    : "";
  return layout(
    "Billing portal",
    `<h1>Billing</h1>
${customer?.email ? `<p class="muted">${e(customer.email)}</p>` : ""}
${subscriptionBlocks || `<p>No subscriptions.</p>`}
<h2>Invoices</h2>
${invoicesTable(invoices, "Invoice history")}
${back}`,
  );
}

export function invoicePage(core: EmulatorCore, invoice: Stripe.Invoice): string {
  const rows = invoice.lines.data
    .map(
      (line) => `<tr>
  <th scope="row">${e(line.description ?? "")}</th>
  <td>${e(formatDate(line.period.start))} – ${e(formatDate(line.period.end))}</td>
  <td class="num">${line.quantity ?? ""}</td>
  <td class="num">${e(formatMoney(line.amount, line.currency))}</td>
</tr>`,
    )
    .join("\n");
  const customer = invoice.customer ? core.data.customers[idOf(invoice.customer)] : undefined;
  return layout(
    `Invoice ${invoice.number ?? invoice.id}`,
    `<h1>Invoice ${e(invoice.number ?? invoice.id)}</h1>
<p><span class="status">${e(invoice.status ?? "")}</span> · issued ${e(formatDate(invoice.created))}${customer?.email ? ` · ${e(customer.email)}` : ""}</p>
<table>
  <caption>Lines</caption>
  <thead><tr><th scope="col">Description</th><th scope="col">Period</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Amount</th></tr></thead>
  <tbody>
${rows}
  </tbody>
  <tfoot>
    <tr><th scope="row" colspan="3">Total</th><td class="num">${e(formatMoney(invoice.total, invoice.currency))}</td></tr>
    <tr><th scope="row" colspan="3">Amount paid</th><td class="num">${e(formatMoney(invoice.amount_paid, invoice.currency))}</td></tr>
    <tr><th scope="row" colspan="3">Amount remaining</th><td class="num">${e(formatMoney(invoice.amount_remaining, invoice.currency))}</td></tr>
  </tfoot>
</table>`,
  );
}

function controlButton(subscriptionId: string, action: string, label: string): string {
  return `<form method="post" action="/_emulator/subscriptions/${e(subscriptionId)}/${action}">
  <input type="hidden" name="redirect" value="/">
  <button type="submit" class="secondary">${e(label)}</button>
</form>`;
}

export function indexPage(core: EmulatorCore): string {
  const subscriptions = Object.values(core.data.subscriptions).reverse();
  const rows = subscriptions
    .map((subscription) => {
      const customer = core.data.customers[idOf(subscription.customer)];
      const end = periodEnd(subscription);
      const controls =
        subscription.status === "canceled"
          ? ""
          : [
              controlButton(subscription.id, "fail_renewal", "Simulate failed renewal"),
              controlButton(subscription.id, "pay_open_invoice", "Pay open invoice"),
              subscription.status === "trialing"
                ? controlButton(subscription.id, "trial_will_end", "Send trial_will_end")
                : "",
              subscription.status === "trialing"
                ? controlButton(subscription.id, "end_trial", "End trial")
                : "",
            ].join("\n");
      return `<tr>
  <th scope="row"><code>${e(subscription.id)}</code><br><span class="muted">${e(customer?.email ?? idOf(subscription.customer))}</span></th>
  <td>${e(subscriptionSummary(core, subscription))}</td>
  <td><span class="status">${e(subscription.status)}</span>${subscription.cancel_at_period_end ? " (cancels at period end)" : ""}</td>
  <td>${end ? e(formatDate(end)) : ""}</td>
  <td><div class="actions">${controls}</div></td>
</tr>`;
    })
    .join("\n");
  const events = core.data.events
    .slice(-20)
    .reverse()
    .map(
      (record) => `<tr>
  <th scope="row"><code>${e(record.event.type)}</code><br><span class="muted">${e(record.event.id)}</span></th>
  <td>${e(new Date(record.event.created * 1000).toISOString())}</td>
  <td><span class="status">${e(record.delivery)}</span>${record.lastError ? ` <span class="muted">${e(record.lastError)}</span>` : ""}</td>
  <td><form method="post" action="/_emulator/events/${e(record.event.id)}/redeliver">
    <input type="hidden" name="redirect" value="/">
    <button type="submit" class="secondary">Redeliver</button>
  </form></td>
</tr>`,
    )
    .join("\n");
  return layout(
    "Stripe emulator",
    `<h1>Stripe emulator</h1>
<p class="muted">Webhooks go to ${core.config.webhookUrl ? `<code>${e(core.config.webhookUrl)}</code>` : "nowhere (no webhook URL set); events are only recorded"}.</p>
<h2>Subscriptions</h2>
${
  rows
    ? `<table>
  <caption>Newest first</caption>
  <thead><tr><th scope="col">Subscription</th><th scope="col">Items</th><th scope="col">Status</th><th scope="col">Period end</th><th scope="col">Simulate</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>`
    : `<p>No subscriptions yet. Start one through the app's checkout.</p>`
}
<h2>Recent events</h2>
${
  events
    ? `<table>
  <caption>Last 20, newest first</caption>
  <thead><tr><th scope="col">Event</th><th scope="col">Created</th><th scope="col">Delivery</th><th scope="col">Action</th></tr></thead>
  <tbody>
${events}
  </tbody>
</table>`
    : `<p>No events yet.</p>`
}`,
  );
}
