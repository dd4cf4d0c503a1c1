import "server-only";

import { withReplicaScope } from "@/lib/db/replica-scope";
import type { Role } from "@/lib/generated/prisma/enums";

export type UserMembership = {
  organization: { id: string; slug: string; name: string };
  role: Role;
  joinedAt: Date;
};

// Memberships are per organization under row-level security: the console reads them in the
// read-only cross-organization scope, oldest first.
export async function membershipsOf(userIds: string[]): Promise<Map<string, UserMembership[]>> {
  const byUser = new Map<string, UserMembership[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await withReplicaScope({ platformRead: true }, (tx) =>
    tx.membership.findMany({
      where: { userId: { in: userIds } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        userId: true,
        role: true,
        createdAt: true,
        organization: { select: { id: true, slug: true, name: true } },
      },
    }),
  );
  for (const row of rows) {
    byUser.get(row.userId)?.push({
      organization: row.organization,
      role: row.role,
      joinedAt: row.createdAt,
    });
  }
  return byUser;
}
