import type { EventHandler } from "../types";
import { nothingMore, subscriptionSubject } from "./subscription";

export const subscriptionDeleted: EventHandler<"customer.subscription.deleted"> = {
  subject: (event) => subscriptionSubject(event.data.object),
  apply: nothingMore,
};
