import "server-only";

import type { ScopedDb } from "@/lib/db/tenant";
import { tenantSideIsMain } from "@/lib/db/tenant-databases/router";
import { Prisma } from "@/lib/generated/prisma/client";
import { joinedUser } from "@/lib/tenancy/user-names";

export type ProjectAuthor = { name: string | null; email: string } | null;

type AuthorColumns = { authorName: string | null; authorEmail: string | null };

export type AuthorJoin = {
  columns: Prisma.Sql;
  join: Prisma.Sql;
  /** The row without its author columns, with `author` set only when the statement joined it. */
  attach<T extends AuthorColumns>(
    row: T,
  ): Omit<T, keyof AuthorColumns> & { author?: ProjectAuthor };
};

// Users live only in the main database: where the projects do too, the statement (projects aliased
// `p`) joins their authors; in a dedicated database the columns are NULL (lib/projects/authors.ts).
export async function authorJoinFor(tx: ScopedDb): Promise<AuthorJoin> {
  if (await tenantSideIsMain(tx)) {
    return {
      columns: Prisma.sql`u."name" AS "authorName", u."email" AS "authorEmail"`,
      join: Prisma.sql`LEFT JOIN "User" u ON u."id" = p."createdById"`,
      attach: ({ authorName, authorEmail, ...row }) => ({
        ...row,
        author: joinedUser(authorName, authorEmail),
      }),
    };
  }
  return {
    columns: Prisma.sql`NULL::text AS "authorName", NULL::text AS "authorEmail"`,
    join: Prisma.empty,
    attach: ({ authorName: _name, authorEmail: _email, ...row }) => row,
  };
}
