import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

export type ProjectAuthor = { name: string | null; email: string } | null;

/** The author columns a project statement selects, and the join that fills them. */
export type AuthorJoin = { columns: Prisma.Sql; join: Prisma.Sql };

/**
 * Users live in the main database only. Where an organization's projects do too, a statement
 * that reads projects (aliased `p`) joins their authors rather than leaving them to a second
 * round trip; in a dedicated tenant database the columns are NULL and the caller reads the
 * authors by id (lib/projects/authors.ts).
 */
export function authorJoin(joined: boolean): AuthorJoin {
  return joined
    ? {
        columns: Prisma.sql`u."name" AS "authorName", u."email" AS "authorEmail"`,
        join: Prisma.sql`LEFT JOIN "User" u ON u."id" = p."createdById"`,
      }
    : {
        columns: Prisma.sql`NULL::text AS "authorName", NULL::text AS "authorEmail"`,
        join: Prisma.empty,
      };
}

type AuthorColumns = { authorName: string | null; authorEmail: string | null };

/** The row without its author columns, with `author` set only when the statement joined it. */
export function withJoinedAuthor<T extends AuthorColumns>(
  { authorName, authorEmail, ...row }: T,
  joined: boolean,
): Omit<T, keyof AuthorColumns> & { author?: ProjectAuthor } {
  if (!joined) return row;
  return { ...row, author: authorEmail === null ? null : { name: authorName, email: authorEmail } };
}
