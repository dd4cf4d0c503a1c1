import { ActionForm } from "@/components/forms/action-form";
import { StatusButtonForm } from "@/components/forms/status-button-form";
import { Avatar } from "@/components/ui/avatar";
import { Row, RowList } from "@/components/ui/list";
import type { MemberView } from "@/lib/members/members";
import { canRemoveMember, roleChoices } from "@/lib/members/rules";
import { roleNames } from "@/lib/tenancy/permissions";
import type { CurrentMember } from "@/lib/tenancy/current-member";
import { changeRoleForm, removeMemberForm } from "../actions";
import { memberDate } from "./format";

/** Everyone in the organization, with the role changes and removals the viewer may make. */
export function MemberList({
  viewer,
  members,
  avatars = new Map(),
}: {
  viewer: CurrentMember;
  members: MemberView[];
  avatars?: ReadonlyMap<string, string>;
}) {
  const me = { id: viewer.userId, role: viewer.role };
  return (
    <section aria-labelledby="member-list">
      <h2 id="member-list" className="sr-only">
        Member list
      </h2>
      <RowList>
        {members.map((m) => {
          const them = { id: m.user.id, role: m.role };
          const name = m.user.name ?? m.user.email;
          const choices = roleChoices(me, them).map((role) => ({
            value: role,
            label: roleNames[role],
          }));
          return (
            <Row
              key={m.id}
              title={
                <span className="flex items-center gap-2">
                  <Avatar name={name} src={avatars.get(m.user.id)} size="sm" />
                  {name}
                  {them.id === me.id ? (
                    <span className="ml-2 text-sm font-normal text-zinc-500 dark:text-zinc-400">
                      (you)
                    </span>
                  ) : null}
                </span>
              }
              details={`${m.user.email} · ${roleNames[m.role]} · joined ${memberDate.format(m.createdAt)}`}
              actions={
                <>
                  {choices.length > 0 ? (
                    <ActionForm
                      action={changeRoleForm}
                      submitLabel="Change role"
                      submitVariant="secondary"
                      hidden={{ membershipId: m.id }}
                      fields={[
                        {
                          name: "role",
                          label: `Role for ${name}`,
                          type: "select",
                          options: choices,
                          defaultValue: m.role,
                        },
                      ]}
                    />
                  ) : null}
                  {canRemoveMember(me, them) ? (
                    <StatusButtonForm
                      action={removeMemberForm}
                      label="Remove"
                      pendingLabel="Removing…"
                      hidden={{ membershipId: m.id }}
                      confirmTitle={`Remove ${m.user.email} from ${viewer.organization.name}?`}
                      confirmMessage="They lose access to its projects at once, and their seat is freed. Their past work stays."
                    />
                  ) : null}
                </>
              }
            />
          );
        })}
      </RowList>
    </section>
  );
}
