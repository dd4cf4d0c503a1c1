import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Muted, Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import type { OrganizationDetail } from "@/lib/admin/organizations/detail";
import { removeFlagForm, setFlagForm } from "../actions";
import { day, reasonField } from "./facts";

const onOff = (value: boolean) => (value ? "on" : "off");

/** Each flag's plan default, override and effective value, and the forms to change them. */
export function FlagsSection({
  organizationId,
  flags,
  confirmIdentity,
}: {
  organizationId: string;
  flags: OrganizationDetail["flags"];
  confirmIdentity: ReactNode;
}) {
  const overridden = flags.filter((flag) => flag.override);
  const flagOptions = flags.map((flag) => ({ value: flag.flag, label: flag.label }));
  return (
    <Section id="flags" title="Feature flags">
      <Table columns={["Flag", "Plan default", "Override", "In effect"]} caption="Feature flags">
        {flags.map((flag) => (
          <tr key={flag.flag}>
            <td className="py-2">
              {flag.label}
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                {flag.description}
              </span>
            </td>
            <td className="py-2">{onOff(flag.planDefault)}</td>
            <td className="py-2">
              {flag.override
                ? `${onOff(flag.override.enabled)}${flag.override.expiresAt ? ` until ${day.format(flag.override.expiresAt)}` : ""}`
                : "—"}
            </td>
            <td className="py-2 font-medium">{onOff(flag.enabled)}</td>
          </tr>
        ))}
      </Table>
      <Muted>
        An override counts through the end date (UTC), then the plan default applies again.
      </Muted>
      <ActionForm
        action={setFlagForm}
        hidden={{ organizationId }}
        fields={[
          { name: "flag", label: "Flag", type: "select", options: flagOptions },
          {
            name: "enabled",
            label: "Value",
            type: "select",
            options: [
              { value: "on", label: "On" },
              { value: "off", label: "Off" },
            ],
          },
          {
            name: "expiresAt",
            label: "Until (YYYY-MM-DD, optional)",
            required: false,
            maxLength: 10,
          },
          reasonField,
        ]}
        submitLabel="Save override"
        pendingLabel="Saving…"
        submitVariant="secondary"
        reauthenticate={confirmIdentity}
      />
      {overridden.length > 0 ? (
        <ActionForm
          action={removeFlagForm}
          hidden={{ organizationId }}
          fields={[
            {
              name: "flag",
              label: "Remove the override of",
              type: "select",
              options: overridden.map((flag) => ({ value: flag.flag, label: flag.label })),
            },
            reasonField,
          ]}
          submitLabel="Remove override"
          pendingLabel="Removing…"
          submitVariant="secondary"
          reauthenticate={confirmIdentity}
        />
      ) : null}
    </Section>
  );
}
