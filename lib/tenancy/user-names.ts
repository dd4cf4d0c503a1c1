import "server-only";

import type { ScopedDb } from "@/lib/db/tenant";

export type UserName = { id: string; name: string | null; email: string };

/** A user's name and email read through a LEFT JOIN: null where it found no one (deleted). */
export function joinedUser(
  name: string | null,
  email: string | null,
): { name: string | null; email: string } | null {
  return email === null ? null : { name, email };
}

// Tenant rows may live in a dedicated database and users never do: authors are read from the main
// database by id, not through a relation. A missing id is a deleted user.
export async function userNames(
  tx: ScopedDb,
  ids: (string | null)[],
): Promise<Map<string, UserName>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const users = await tx.user.findMany({
    where: { id: { in: unique } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((user) => [user.id, user]));
}
