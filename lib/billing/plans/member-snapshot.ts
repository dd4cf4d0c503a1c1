import "server-only";

import { cache } from "react";
import type { CurrentMember } from "@/lib/tenancy/current-member";
import { billingSnapshot, type BillingSnapshot } from "./entitlements";

// Pages only: actions read their own inside the writing transaction, never an older snapshot.
export const memberBillingSnapshot = cache((member: CurrentMember): Promise<BillingSnapshot> =>
  member.read((tx) => billingSnapshot(tx, member.organization.id)),
);
