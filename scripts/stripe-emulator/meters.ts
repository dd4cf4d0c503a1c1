/**
 * Billing meters and meter events. An event's identifier is unique for the account: sending
 * it again is accepted and counted once, as Stripe does. A metered price bills the sum of its
 * meter's events for the customer within the invoiced period.
 */
import type Stripe from "stripe";
import type { EmulatorCore } from "./core";
import { invalidRequest, missingParam, resourceMissing } from "./errors";
import { newId, nowSeconds } from "./ids";
import type { LineInput } from "./objects";
import {
  optionalInteger,
  optionalObject,
  optionalString,
  type Params,
  requiredString,
} from "./params";
import type { MeterEventRecord } from "./state";

type Period = { start: number; end: number };

const metersOf = (core: EmulatorCore) => (core.data.meters ??= {});
const eventsOf = (core: EmulatorCore) => (core.data.meterEvents ??= []);

export function meter(core: EmulatorCore, id: string, param = "meter"): Stripe.Billing.Meter {
  const found = metersOf(core)[id];
  if (!found) throw resourceMissing("billing.meter", id, param);
  return found;
}

export function createMeter(core: EmulatorCore, params: Params): Stripe.Billing.Meter {
  const eventName = requiredString(params, "event_name");
  const formula =
    optionalString(optionalObject(params, "default_aggregation") ?? {}, "formula") ?? "";
  if (formula !== "sum" && formula !== "count") {
    throw invalidRequest("Invalid default_aggregation[formula]", "default_aggregation[formula]");
  }
  if (
    Object.values(metersOf(core)).some((m) => m.event_name === eventName && m.status === "active")
  ) {
    throw invalidRequest(
      `An active meter with event_name ${eventName} already exists.`,
      "event_name",
    );
  }
  const mapping = optionalObject(params, "customer_mapping") ?? {};
  const valueSettings = optionalObject(params, "value_settings") ?? {};
  const now = nowSeconds();
  const created: Stripe.Billing.Meter = {
    id: newId("mtr"),
    object: "billing.meter",
    created: now,
    customer_mapping: {
      event_payload_key: optionalString(mapping, "event_payload_key") ?? "stripe_customer_id",
      type: "by_id",
    },
    default_aggregation: { formula },
    display_name: requiredString(params, "display_name"),
    event_name: eventName,
    event_time_window: null,
    livemode: false,
    status: "active",
    status_transitions: { deactivated_at: null },
    updated: now,
    value_settings: {
      event_payload_key: optionalString(valueSettings, "event_payload_key") ?? "value",
    },
  };
  metersOf(core)[created.id] = created;
  core.save();
  return created;
}

export function listMeters(core: EmulatorCore): Stripe.ApiList<Stripe.Billing.Meter> {
  const data = Object.values(metersOf(core)).reverse();
  return { object: "list", data, has_more: false, url: "/v1/billing/meters" };
}

export function createMeterEvent(core: EmulatorCore, params: Params): Stripe.Billing.MeterEvent {
  const eventName = requiredString(params, "event_name");
  const found = Object.values(metersOf(core)).find(
    (m) => m.event_name === eventName && m.status === "active",
  );
  if (!found) throw invalidRequest(`No active meter for event_name ${eventName}.`, "event_name");
  const payload = optionalObject(params, "payload");
  if (!payload) throw missingParam("payload");
  const customerKey = found.customer_mapping.event_payload_key;
  const customer = requiredString(payload, customerKey, `payload[${customerKey}]`);
  core.customer(customer, `payload[${customerKey}]`);
  const valueKey = found.value_settings.event_payload_key;
  const raw = optionalString(payload, valueKey, `payload[${valueKey}]`) ?? "1";
  if (!/^\d+$/.test(raw))
    throw invalidRequest(`Invalid payload[${valueKey}]`, `payload[${valueKey}]`);
  const identifier = optionalString(params, "identifier") ?? newId("mev");
  const timestamp = optionalInteger(params, "timestamp") ?? nowSeconds();
  const record: MeterEventRecord = {
    identifier,
    eventName,
    customer,
    value: Number(raw),
    timestamp,
  };
  // A retried identifier is accepted and changes nothing.
  if (!eventsOf(core).some((e) => e.identifier === identifier)) {
    eventsOf(core).push(record);
    core.save();
  }
  return {
    object: "billing.meter_event",
    created: nowSeconds(),
    event_name: eventName,
    identifier,
    livemode: false,
    payload: { [customerKey]: customer, [valueKey]: raw },
    timestamp,
  };
}

export const isMetered = (price: Stripe.Price) => price.recurring?.usage_type === "metered";

/** One line per metered item: its meter's usage for the customer in `period`. */
export function usageLines(
  core: EmulatorCore,
  subscription: Stripe.Subscription,
  period: Period,
): LineInput[] {
  const customer =
    typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
  return subscription.items.data.flatMap((item) => {
    const meterId = item.price.recurring?.meter;
    if (!isMetered(item.price) || !meterId) return [];
    const eventName = metersOf(core)[meterId]?.event_name;
    const usage = eventsOf(core)
      .filter(
        (e) =>
          e.eventName === eventName &&
          e.customer === customer &&
          e.timestamp >= period.start &&
          e.timestamp < period.end,
      )
      .reduce((sum, e) => sum + e.value, 0);
    const divideBy = item.price.transform_quantity?.divide_by ?? 1;
    const quantity = Math.ceil(usage / divideBy);
    if (quantity === 0) return [];
    return [
      {
        amount: quantity * (item.price.unit_amount ?? 0),
        description: `${quantity} × ${item.price.nickname ?? item.price.id} (usage)`,
        price: item.price,
        quantity,
        period,
        proration: false,
        subscription: subscription.id,
        subscriptionItem: item.id,
      },
    ];
  });
}
