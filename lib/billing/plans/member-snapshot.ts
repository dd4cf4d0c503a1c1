import "server-only";

import { cache } from "react";
import type { CurrentMember } from "@/lib/tenancy/current-member";
import { billingSnapshot, type BillingSnapshot } from "./entitlements";

/**
 * The organization's billing snapshot for one request's pages: the layout (its banners) and the
 * page (plan, seats, limits) read it once, in the request's one transaction. Actions read their
 * own inside the transaction that writes, so they never see a snapshot older than their change.
 */
export const memberBillingSnapshot = cache((member: CurrentMember): Promise<BillingSnapshot> =>
  member.read((tx) => billingSnapshot(tx, member.organization.id)),
);
