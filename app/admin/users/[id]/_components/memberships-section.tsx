import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import type { UserMembership } from "@/lib/admin/users/memberships";
import { formatDate } from "../../_components/format";
import { roleNames } from "@/lib/tenancy/permissions";

export function MembershipsSection({ memberships }: { memberships: UserMembership[] }) {
  return (
    <Section id="organizations" title="Organizations" description="Where they are a member.">
      {memberships.length === 0 ? (
        <EmptyState>Not a member of any organization.</EmptyState>
      ) : (
        <Table columns={["Organization", "Role", "Joined"]} caption="Organizations">
          {memberships.map((m) => (
            <tr key={m.organization.id}>
              <td className="py-2">
                <span className="font-medium">{m.organization.name}</span>{" "}
                <span className="text-zinc-600 dark:text-zinc-400">{m.organization.slug}</span>
              </td>
              <td className="py-2">{roleNames[m.role]}</td>
              <td className="py-2">{formatDate(m.joinedAt)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
