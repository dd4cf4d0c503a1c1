import type { Metadata } from "next";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/admin/page-access";
import { searchUsers } from "@/lib/admin/users/search";
import { Pagination } from "../_components/pagination";
import { UserSearchForm } from "../_components/user-search-form";
import { UsersTable } from "../_components/users-table";

export const metadata: Metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaffPage();
  const params = await searchParams;
  const result = await searchUsers(params.q, params.page);
  const { query, total } = result;

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Users"
        description={
          query
            ? `${total} ${total === 1 ? "user matches" : "users match"} “${query}”.`
            : `${total} ${total === 1 ? "user" : "users"}, newest first.`
        }
      />
      {params.deleted === "1" ? (
        <Callout tone="success">The account and its data are deleted.</Callout>
      ) : null}
      <UserSearchForm query={query} />
      {result.users.length > 0 ? (
        <UsersTable users={result.users} />
      ) : (
        <EmptyState>
          {query
            ? `No user has “${query}” in their email, name or id.`
            : result.page > 1
              ? "There are no users on this page."
              : "No one has signed up yet."}
        </EmptyState>
      )}
      <Pagination query={query} page={result.page} pageCount={result.pageCount} />
    </div>
  );
}
