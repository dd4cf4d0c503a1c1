import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Muted, Section } from "@/components/ui/section";
import { POOL, type TenantPlacementView } from "@/lib/admin/organizations/tenant-database";
import { tenantMoveForm } from "../actions";
import { Fact, Facts, moment, reasonField } from "./facts";

/** Where the organization's projects and audit log live, and a move elsewhere. */
export function TenantDatabaseSection({
  organizationId,
  placement,
  confirmIdentity,
}: {
  organizationId: string;
  placement: TenantPlacementView;
  confirmIdentity: ReactNode;
}) {
  const here = placement.database?.name ?? POOL;
  const options = [
    { value: POOL, label: "The pool (main database)" },
    ...placement.targets.map(({ name }) => ({ value: name, label: name })),
  ].filter((option) => option.value !== here);
  return (
    <Section id="tenant-database" title="Tenant database">
      <Facts>
        <Fact label="Lives in">
          {placement.database ? `Dedicated database “${placement.database.name}”` : "The pool"}
        </Fact>
        {placement.movingSince ? (
          <Fact label="Moving since">{moment.format(placement.movingSince)}</Fact>
        ) : null}
      </Facts>
      {placement.movingSince ? (
        <Muted>A move is running: members can read but not change anything until it ends.</Muted>
      ) : options.length === 0 ? (
        <Muted>
          No other database is registered. Add one with{" "}
          <code>npm run tenant:db -- add &lt;name&gt; &lt;url&gt;</code>.
        </Muted>
      ) : (
        <>
          <Muted>
            A move copies the projects and audit log, checks the copy, then switches. Members can
            read throughout; changes are refused for the seconds it takes. It runs in the background
            and its result is in the audit log.
          </Muted>
          <ActionForm
            action={tenantMoveForm}
            hidden={{ organizationId }}
            fields={[{ name: "to", label: "Move to", type: "select", options }, reasonField]}
            submitLabel="Start the move"
            pendingLabel="Starting…"
            submitVariant="secondary"
            reauthenticate={confirmIdentity}
          />
        </>
      )}
    </Section>
  );
}
