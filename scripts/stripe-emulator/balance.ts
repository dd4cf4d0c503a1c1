/**
 * Customer balances: `POST/GET /v1/customers/:id/balance_transactions` and the balance's
 * effect on the next invoice. As on Stripe, a negative balance is a credit the customer
 * holds: a finalized invoice takes as much of it as its total allows (amount_due drops, the
 * rest stays for later), a positive balance (a debit) is added to what is due, and each use
 * leaves an `applied_to_invoice` transaction with the invoice's starting and ending balance.
 */
import type Stripe from "stripe";
import type { EmulatorCore } from "./core";
import { invalidRequest, missingParam, resourceMissing } from "./errors";
import { newId, nowSeconds } from "./ids";
import { apiList } from "./objects";
import {
  mergeMetadata,
  nullableString,
  optionalInteger,
  optionalString,
  type Params,
} from "./params";

type BalanceStore = Record<string, Stripe.CustomerBalanceTransaction>;

// Optional in the state file, so files written before balances existed still load.
function store(core: EmulatorCore): BalanceStore {
  const data = core.data as { balanceTransactions?: BalanceStore };
  data.balanceTransactions ??= {};
  return data.balanceTransactions;
}

function record(
  core: EmulatorCore,
  customer: Stripe.Customer,
  input: {
    amount: number;
    currency: string;
    type: Stripe.CustomerBalanceTransaction.Type;
    description: string | null;
    metadata: Record<string, string>;
    invoice: string | null;
  },
): Stripe.CustomerBalanceTransaction {
  const endingBalance = customer.balance + input.amount;
  const transaction: Stripe.CustomerBalanceTransaction = {
    id: newId("cbtxn"),
    object: "customer_balance_transaction",
    amount: input.amount,
    checkout_session: null,
    created: nowSeconds(),
    credit_note: null,
    currency: input.currency,
    customer: customer.id,
    customer_account: null,
    description: input.description,
    ending_balance: endingBalance,
    invoice: input.invoice,
    livemode: false,
    metadata: input.metadata,
    type: input.type,
  };
  customer.balance = endingBalance;
  // A customer's balance has one currency, fixed by its first use (Stripe's rule).
  customer.currency ??= input.currency;
  store(core)[transaction.id] = transaction;
  return transaction;
}

/** POST /v1/customers/:id/balance_transactions — amount (negative: a credit), currency. */
export function createBalanceTransaction(
  core: EmulatorCore,
  customerId: string,
  params: Params,
): Stripe.CustomerBalanceTransaction {
  const customer = core.customer(customerId, "id");
  const amount = optionalInteger(params, "amount");
  if (amount === undefined) throw missingParam("amount");
  if (amount === 0) throw invalidRequest("Invalid amount: must not be zero", "amount");
  const currency = optionalString(params, "currency")?.toLowerCase();
  if (!currency) throw missingParam("currency");
  if (customer.currency && customer.currency !== currency) {
    throw invalidRequest(
      `The currency ${currency} differs from the customer's balance currency ${customer.currency}.`,
      "currency",
    );
  }
  const transaction = record(core, customer, {
    amount,
    currency,
    type: "adjustment",
    description: nullableString(params, "description") ?? null,
    metadata: mergeMetadata({}, params),
    invoice: null,
  });
  core.save();
  return transaction;
}

export function balanceTransaction(
  core: EmulatorCore,
  customerId: string,
  id: string,
): Stripe.CustomerBalanceTransaction {
  const found = store(core)[id];
  if (!found || found.customer !== customerId) {
    throw resourceMissing("customer_balance_transaction", id);
  }
  return found;
}

/** GET /v1/customers/:id/balance_transactions — newest first, limit and starting_after. */
export function listBalanceTransactions(
  core: EmulatorCore,
  customerId: string,
  params: Params,
): Stripe.ApiList<Stripe.CustomerBalanceTransaction> {
  core.customer(customerId, "id");
  const limit = optionalInteger(params, "limit") ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest("Invalid limit: must be between 1 and 100", "limit");
  }
  let items = Object.values(store(core))
    .filter((transaction) => transaction.customer === customerId)
    .reverse();
  const startingAfter = optionalString(params, "starting_after");
  if (startingAfter) {
    const start = items.findIndex((item) => item.id === startingAfter);
    items = start < 0 ? [] : items.slice(start + 1);
  }
  const url = `/v1/customers/${customerId}/balance_transactions`;
  return apiList(items.slice(0, limit), url, items.length > limit);
}

/**
 * Applies the customer's balance to an invoice that was just finalized (open or paid), as
 * Stripe does: a credit covers up to the invoice's total, a debit is added to it. Sets
 * starting_balance, ending_balance, amount_due and (for a paid invoice) amount_paid.
 */
export function applyCustomerBalance(core: EmulatorCore, invoice: Stripe.Invoice): void {
  const customer =
    core.data.customers[
      typeof invoice.customer === "string" ? invoice.customer : (invoice.customer?.id ?? "")
    ];
  if (!customer || customer.balance === 0 || invoice.status === "draft") return;
  const starting = customer.balance;
  const applied = starting < 0 ? Math.max(starting, -invoice.total) : starting;
  invoice.starting_balance = starting;
  if (applied !== 0) {
    record(core, customer, {
      amount: -applied,
      currency: invoice.currency,
      type: "applied_to_invoice",
      description: null,
      metadata: {},
      invoice: invoice.id,
    });
  }
  invoice.ending_balance = customer.balance;
  const due = Math.max(invoice.total + applied, 0);
  invoice.amount_due = due;
  invoice.amount_paid = invoice.status === "paid" ? due : 0;
  invoice.amount_remaining = invoice.status === "paid" ? 0 : due;
}
