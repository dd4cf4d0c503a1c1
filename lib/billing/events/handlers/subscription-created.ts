import type { EventHandler } from "../types";
import { nothingMore, subscriptionSubject } from "./subscription";

export const subscriptionCreated: EventHandler<"customer.subscription.created"> = {
  subject: (event) => subscriptionSubject(event.data.object),
  apply: nothingMore,
};
