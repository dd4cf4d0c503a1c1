import "server-only";

import { cache } from "react";
import { withScope } from "@/lib/db/tenant";
import type { Role } from "@/lib/generated/prisma/enums";

export type VerifiedMembership = {
  role: Role;
  organization: { id: string; slug: string; name: string };
};

/**
 * The user's membership in the organization at `slug`, or null. This is where a tenant
 * comes from: the slug is only a candidate (it arrives in the Host header), the row is
 * the proof. Read in the user's own scope, where row-level security shows a user their
 * memberships and no one else's. Cached per request, so a page and its layout share it.
 */
export const findMembershipBySlug = cache(
  async (userId: string, slug: string): Promise<VerifiedMembership | null> =>
    withScope({ userId }, (tx) =>
      tx.membership.findFirst({
        where: { userId, organization: { slug } },
        select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
      }),
    ),
);

/** Every organization the user belongs to, by name: the switcher and the post-sign-in landing. */
export async function listMemberships(userId: string): Promise<VerifiedMembership[]> {
  return withScope({ userId }, (tx) =>
    tx.membership.findMany({
      where: { userId },
      orderBy: { organization: { name: "asc" } },
      select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
    }),
  );
}
