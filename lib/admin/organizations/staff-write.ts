import "server-only";

import { lockOrganization, withTenant, type ScopedDb } from "@/lib/db/tenant";
import { notFound } from "@/lib/errors";
import type { StaffContext } from "../context";

export type StaffWriter = Pick<StaffContext, "userId" | "client">;

/**
 * A staff write to one organization: inside that organization's scope (row-level security
 * applies as for its members), with its row locked so two staff changes apply one after the
 * other. An unknown id is "not found".
 */
export function withOrganizationForStaff<T>(
  organizationId: string,
  fn: (tx: ScopedDb, org: { id: string; slug: string; name: string }) => Promise<T>,
): Promise<T> {
  return withTenant(organizationId, async (tx) => {
    await lockOrganization(tx, organizationId);
    const org = await tx.organization.findUnique({
      where: { id: organizationId },
      select: { id: true, slug: true, name: true },
    });
    if (!org) throw notFound("That organization");
    return fn(tx, org);
  });
}
