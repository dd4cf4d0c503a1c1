import type { EventHandler } from "../types";
import { nothingMore, subscriptionSubject } from "./subscription";

export const subscriptionUpdated: EventHandler<"customer.subscription.updated"> = {
  subject: (event) => subscriptionSubject(event.data.object),
  apply: nothingMore,
};
