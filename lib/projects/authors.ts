import "server-only";

import type { ScopedDb } from "@/lib/db/tenant";
import { userNames } from "@/lib/tenancy/user-names";
import type { ProjectRow, ProjectView } from "./queries";

export async function withAuthors(tx: ScopedDb, rows: ProjectRow[]): Promise<ProjectView[]> {
  const users = await userNames(
    tx,
    rows.map((row) => row.createdById),
  );
  return rows.map(({ createdById, ...project }) => {
    const user = createdById ? users.get(createdById) : undefined;
    return { ...project, createdBy: user ? { name: user.name, email: user.email } : null };
  });
}

export async function withAuthor(tx: ScopedDb, row: ProjectRow): Promise<ProjectView> {
  const [view] = await withAuthors(tx, [row]);
  return view as ProjectView;
}
