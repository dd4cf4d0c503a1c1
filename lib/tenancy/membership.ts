import "server-only";

import { cache } from "react";
import { withScope, type ScopedDb } from "@/lib/db/tenant";
import type { Role } from "@/lib/generated/prisma/enums";
import { slugProblem } from "./slug";

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

type MembershipRow = { role: Role; id: string; slug: string; name: string; entered: string | null };

/**
 * In a transaction scoped to `userId`: every organization the user belongs to, by name,
 * and the membership at `slug` (null if none). One statement does both and, from that
 * membership row only, moves the transaction into its organization (app.org_id), so a
 * page's tenant reads need no further round trip to set the scope.
 */
export async function readMembershipsEntering(
  tx: ScopedDb,
  userId: string,
  slug: string,
): Promise<{ memberships: VerifiedMembership[]; current: VerifiedMembership | null }> {
  const target = slugProblem(slug) === null ? slug : null;
  const rows = await tx.$queryRaw<MembershipRow[]>`
    SELECT m."role", o."id", o."slug", o."name",
      CASE WHEN o."slug" = ${target} THEN set_config('app.org_id', o."id", true) END AS "entered"
    FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId"
    WHERE m."userId" = ${userId}
    ORDER BY o."name" ASC`;
  const memberships = rows.map(({ role, id, slug, name }) => ({
    role,
    organization: { id, slug, name },
  }));
  const index = rows.findIndex((row) => row.entered !== null);
  return { memberships, current: memberships[index] ?? null };
}
