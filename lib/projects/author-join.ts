import "server-only";

import type { ScopedDb } from "@/lib/db/tenant";
import { tenantSideIsMain } from "@/lib/db/tenant-databases/router";
import { Prisma } from "@/lib/generated/prisma/client";
import { joinedUser } from "@/lib/tenancy/user-names";

export type ProjectAuthor = { name: string | null; email: string } | null;

type AuthorColumns = { authorName: string | null; authorEmail: string | null };

/** The author columns a project statement selects, the join that fills them, and their reading. */
export type AuthorJoin = {
  columns: Prisma.Sql;
  join: Prisma.Sql;
  /** The row without its author columns, with `author` set only when the statement joined it. */
  attach<T extends AuthorColumns>(
    row: T,
  ): Omit<T, keyof AuthorColumns> & { author?: ProjectAuthor };
};

/**
 * Users live in the main database only. Where an organization's projects do too, a statement
 * that reads projects (aliased `p`) joins their authors rather than leaving them to a second
 * round trip; in a dedicated tenant database the columns are NULL and the caller reads the
 * authors by id (lib/projects/authors.ts).
 */
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
