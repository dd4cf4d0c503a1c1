import type { EventHandler } from "../types";
import { nothingMore, subscriptionSubject } from "./subscription";

/** The re-read subscription is applied by the processor; see ./subscription.ts. */
export const subscriptionUpdated: EventHandler<"customer.subscription.updated"> = {
  subject: (event) => subscriptionSubject(event.data.object),
  apply: nothingMore,
};
