import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import type { OrganizationDetail } from "@/lib/admin/organizations/detail";
import { day } from "./facts";

export function MembersSection({ members }: { members: OrganizationDetail["members"] }) {
  return (
    <Section id="members" title={`Members (${members.length})`}>
      {members.length === 0 ? (
        <EmptyState>No members.</EmptyState>
      ) : (
        <Table columns={["Name", "Email", "Role", "Joined"]} caption="Members">
          {members.map((member) => (
            <tr key={member.id}>
              <td className="py-2">{member.name ?? "—"}</td>
              <td className="py-2">{member.email}</td>
              <td className="py-2">{member.role.toLowerCase()}</td>
              <td className="py-2">{day.format(member.joinedAt)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
