import "server-only";

import type { ScopedDb } from "@/lib/db/tenant";
import { userNames } from "@/lib/tenancy/user-names";
import type { BrowsedProject } from "./browse";
import type { ProjectRow, ProjectView } from "./queries";

// A row whose statement joined its author keeps it; the others' authors are read from the main
// database by id, in one query, in the same transaction.
export async function withAuthors(tx: ScopedDb, rows: BrowsedProject[]): Promise<ProjectView[]> {
  const unnamed = rows.filter((row) => row.author === undefined);
  const users = await userNames(
    tx,
    unnamed.map((row) => row.createdById),
  );
  return rows.map(({ createdById, author, ...project }) => {
    const user = author !== undefined ? author : createdById ? users.get(createdById) : undefined;
    return { ...project, createdBy: user ? { name: user.name, email: user.email } : null };
  });
}

export async function withAuthor(tx: ScopedDb, row: ProjectRow): Promise<ProjectView> {
  const [view] = await withAuthors(tx, [row]);
  return view as ProjectView;
}
