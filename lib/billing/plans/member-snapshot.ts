import "server-only";

import { cache } from "react";
import type { CurrentMember } from "@/lib/tenancy/current-member";
import { snapshotFromJson, type BillingSnapshot, type SnapshotJson } from "./entitlements";

// Read in the statement that entered the organization, so a page costs no round trip for it.
// Pages only: actions read their own inside the writing transaction, never an older snapshot.
export const memberBillingSnapshot = cache(
  async (member: CurrentMember): Promise<BillingSnapshot> =>
    snapshotFromJson(member.billingRow as SnapshotJson | null),
);
