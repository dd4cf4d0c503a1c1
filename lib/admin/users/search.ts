import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { membershipsOf } from "./memberships";

export const USERS_PER_PAGE = 25;
const ORGANIZATION_NAMES_SHOWN = 3;

export type UserListItem = {
  id: string;
  email: string;
  name: string | null;
  createdAt: Date;
  verified: boolean;
  twoFactor: boolean;
  staff: boolean;
  disabled: boolean;
  lastSeenAt: Date | null;
  organizations: { count: number; names: string[] };
};

export type UserPage = {
  query: string;
  page: number;
  pageCount: number;
  total: number;
  users: UserListItem[];
};

const listSelect = {
  id: true,
  email: true,
  name: true,
  createdAt: true,
  emailVerified: true,
  twoFactorEnabledAt: true,
  staffSince: true,
  disabledAt: true,
  // The user's own sign-ins: time staff spent viewing as them is not the user being seen.
  sessions: {
    where: { impersonatorId: null },
    orderBy: { lastSeenAt: "desc" },
    take: 1,
    select: { lastSeenAt: true },
  },
} satisfies Prisma.UserSelect;

type ListRow = Prisma.UserGetPayload<{ select: typeof listSelect }>;

const newestFirst: Prisma.UserOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

/** The search box: trimmed, case-insensitive; empty lists everyone. */
export function normalizeUserQuery(raw: unknown): string {
  // PostgreSQL cannot hold NUL in text: a pasted one would fail the query instead of matching nothing.
  return typeof raw === "string" ? raw.replaceAll("\u0000", "").trim().slice(0, 200) : "";
}

export function normalizePage(raw: unknown): number {
  const page = typeof raw === "string" ? Number.parseInt(raw, 10) : 1;
  return Number.isSafeInteger(page) && page > 0 ? Math.min(page, 100_000) : 1;
}

// By email, name or id, newest first; an exact id or email match comes first, so an id pasted
// from a log or a ticket finds that person at the top.
export async function searchUsers(rawQuery: unknown, rawPage: unknown): Promise<UserPage> {
  const query = normalizeUserQuery(rawQuery);
  const page = normalizePage(rawPage);
  const exact: ListRow[] = query
    ? await db.user.findMany({
        where: { OR: [{ id: query }, { email: query.toLowerCase() }] },
        orderBy: newestFirst,
        select: listSelect,
      })
    : [];
  // Prisma passes `contains` to LIKE as is: % and _ are escaped so they match themselves.
  const pattern = query.replace(/[\\%_]/g, (c) => `\\${c}`);
  const where: Prisma.UserWhereInput = {
    ...(query
      ? {
          OR: [
            { email: { contains: pattern, mode: "insensitive" } },
            { name: { contains: pattern, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(exact.length > 0 ? { id: { notIn: exact.map((u) => u.id) } } : {}),
  };
  const others = await db.user.count({ where });
  const total = others + exact.length;
  // The exact matches take the first places of page 1; the rest shift down by as many.
  const start = (page - 1) * USERS_PER_PAGE;
  const head = exact.slice(start, start + USERS_PER_PAGE);
  const rows = [
    ...head,
    ...(await db.user.findMany({
      where,
      orderBy: newestFirst,
      skip: Math.max(0, start - exact.length),
      take: USERS_PER_PAGE - head.length,
      select: listSelect,
    })),
  ];
  const memberships = await membershipsOf(rows.map((row) => row.id));
  return {
    query,
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / USERS_PER_PAGE)),
    users: rows.map((row) => {
      const orgs = memberships.get(row.id) ?? [];
      return {
        id: row.id,
        email: row.email,
        name: row.name,
        createdAt: row.createdAt,
        verified: row.emailVerified !== null,
        twoFactor: row.twoFactorEnabledAt !== null,
        staff: row.staffSince !== null,
        disabled: row.disabledAt !== null,
        lastSeenAt: row.sessions[0]?.lastSeenAt ?? null,
        organizations: {
          count: orgs.length,
          names: orgs.slice(0, ORGANIZATION_NAMES_SHOWN).map((m) => m.organization.name),
        },
      };
    }),
  };
}
