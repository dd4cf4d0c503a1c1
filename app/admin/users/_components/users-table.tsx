import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import type { UserListItem } from "@/lib/admin/users/search";
import { formatDate, formatDateTime } from "./format";

function Organizations({ organizations }: { organizations: UserListItem["organizations"] }) {
  if (organizations.count === 0)
    return <span className="text-zinc-500 dark:text-zinc-400">None</span>;
  const more = organizations.count - organizations.names.length;
  return (
    <span>
      {organizations.names.join(", ")}
      {more > 0 ? ` and ${more} more` : ""}
    </span>
  );
}

export function UsersTable({ users }: { users: UserListItem[] }) {
  return (
    <Table
      framed
      caption="Users"
      columns={["User", "Created", "Verified", "2FA", "Last seen", "Organizations"]}
    >
      {users.map((user) => (
        <tr key={user.id} className="align-top">
          <td className="px-4 py-3">
            <Link
              href={`/admin/users/${user.id}`}
              className="font-medium text-zinc-950 underline-offset-2 hover:underline focus-visible:outline-2 dark:text-white"
            >
              {user.email}
            </Link>
            {user.staff ? <Badge>Staff</Badge> : null}
            {user.disabled ? <Badge tone="warning">Disabled</Badge> : null}
            <p className="text-zinc-600 dark:text-zinc-400">{user.name ?? "No name"}</p>
          </td>
          <td className="px-4 py-3 whitespace-nowrap">{formatDate(user.createdAt)}</td>
          <td className="px-4 py-3">{user.verified ? "Yes" : "No"}</td>
          <td className="px-4 py-3">{user.twoFactor ? "On" : "Off"}</td>
          <td className="px-4 py-3">{formatDateTime(user.lastSeenAt)}</td>
          <td className="px-4 py-3">
            <span className="font-medium">{user.organizations.count}</span>
            {user.organizations.count > 0 ? " · " : " "}
            <Organizations organizations={user.organizations} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
