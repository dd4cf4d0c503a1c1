import "server-only";

import { cache } from "react";
import { notePlacement } from "@/lib/db/tenant-databases/placement";
import { noteOrganization } from "@/lib/db/tenant-databases/router";
import { withScope, type ScopedDb } from "@/lib/db/tenant";
import type { Role } from "@/lib/generated/prisma/enums";
import { slugProblem } from "./slug";

export type VerifiedMembership = {
  role: Role;
  organization: { id: string; slug: string; name: string };
};

// The tenant comes from this row, not the slug (a Host header candidate), read in the user's own
// scope under row-level security. `suspended` is for the caller to refuse (lib/actions/chain.ts).
export const findMembershipBySlug = cache(
  async (
    userId: string,
    slug: string,
  ): Promise<(VerifiedMembership & { suspended: boolean }) | null> => {
    const row = await withScope({ userId }, (tx) =>
      tx.membership.findFirst({
        where: { userId, organization: { slug } },
        select: {
          role: true,
          organization: {
            select: { id: true, slug: true, name: true, suspendedAt: true, tenantDatabaseId: true },
          },
        },
      }),
    );
    if (!row) return null;
    const { suspendedAt, tenantDatabaseId, ...organization } = row.organization;
    notePlacement(organization.id, tenantDatabaseId, organization.slug);
    return { role: row.role, organization, suspended: suspendedAt !== null };
  },
);

export async function listMemberships(userId: string): Promise<VerifiedMembership[]> {
  return withScope({ userId }, (tx) =>
    tx.membership.findMany({
      where: { userId },
      orderBy: { organization: { name: "asc" } },
      select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
    }),
  );
}

type MembershipJson = {
  role: Role;
  id: string;
  slug: string;
  name: string;
  entered: string | null;
  suspended: boolean;
  tenantDatabaseId: string | null;
  movingSince: string | null;
};

export type MemberEntry = {
  memberships: VerifiedMembership[];
  current: VerifiedMembership | null;
  suspended: VerifiedMembership | null;
  /** When a move of the entered organization began (lib/db/tenant-databases/moving.ts), or null. */
  movingSince: Date | null;
  billingRow: unknown;
};

// keel_enter_member: settings, memberships, entry by the row (never a suspended one), snapshot.
export async function enterAsMember(
  tx: ScopedDb,
  settings: string[],
  userId: string,
  slug: string,
): Promise<MemberEntry> {
  const target = slugProblem(slug) === null ? slug : null;
  const [row] = await tx.$queryRaw<
    { memberships: MembershipJson[]; billing: unknown }[]
  >`SELECT * FROM keel_enter_member(${settings}::text[], ${userId}, ${target})`;
  const rows = row?.memberships ?? [];
  const memberships = rows.map(({ role, id, slug, name }) => ({
    role,
    organization: { id, slug, name },
  }));
  const index = rows.findIndex((membership) => membership.entered !== null);
  const entered = rows[index];
  if (entered) {
    notePlacement(entered.id, entered.tenantDatabaseId, entered.slug);
    noteOrganization(tx, entered.id);
  }
  const suspendedIndex = rows.findIndex(
    (membership) => membership.suspended && membership.slug === target,
  );
  return {
    memberships,
    current: memberships[index] ?? null,
    suspended: memberships[suspendedIndex] ?? null,
    movingSince: entered?.movingSince ? new Date(entered.movingSince) : null,
    billingRow: entered ? (row?.billing ?? null) : null,
  };
}
