import { StatusButtonForm } from "@/components/forms/status-button-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import type { ApiKeyView } from "@/lib/api-keys/keys";
import { revokeApiKeyForm } from "../actions";
import { EditScopes } from "./edit-scopes";
import { mediumDate } from "@/lib/format/dates";
import { wholeNumber } from "@/lib/format/numbers";

function status(key: ApiKeyView, now: Date) {
  if (key.revokedAt) return <Badge>Revoked</Badge>;
  if (key.expiresAt && key.expiresAt <= now) return <Badge tone="warning">Expired</Badge>;
  return <Badge tone="success">Active</Badge>;
}

export function ApiKeyTable({
  keys,
  callsThisMonth,
}: {
  keys: ApiKeyView[];
  callsThisMonth: ReadonlyMap<string, number>;
}) {
  if (keys.length === 0) return <EmptyState>No API keys yet.</EmptyState>;
  const now = new Date();
  return (
    <Table
      framed
      caption="API keys"
      columns={[
        "Name",
        "Key",
        "Scopes",
        "Created by",
        "Last used",
        "Calls this month",
        "Expires",
        "Status",
        "",
      ]}
    >
      {keys.map((key) => (
        <tr key={key.id}>
          <td className="px-4 py-2 font-medium">{key.name}</td>
          <td className="px-4 py-2 font-mono text-xs">{key.prefix}…</td>
          <td className="px-4 py-2 text-xs">
            {key.scopes.join(", ")}
            {key.revokedAt ? null : <EditScopes id={key.id} name={key.name} scopes={key.scopes} />}
          </td>
          <td className="px-4 py-2">
            {key.createdBy ? (key.createdBy.name ?? key.createdBy.email) : "A deleted user"}
            <div className="text-xs text-zinc-500 dark:text-zinc-400">
              {mediumDate.format(key.createdAt)}
            </div>
          </td>
          <td className="px-4 py-2">
            {key.lastUsedAt ? mediumDate.format(key.lastUsedAt) : "Never used"}
            {key.lastUsedIp ? (
              <div className="text-xs text-zinc-500 dark:text-zinc-400">{key.lastUsedIp}</div>
            ) : null}
          </td>
          <td className="px-4 py-2 tabular-nums">
            {wholeNumber.format(callsThisMonth.get(key.id) ?? 0)}
          </td>
          <td className="px-4 py-2">
            {key.expiresAt ? mediumDate.format(key.expiresAt) : "Never"}
          </td>
          <td className="px-4 py-2">{status(key, now)}</td>
          <td className="px-4 py-2">
            {key.revokedAt ? null : (
              <StatusButtonForm
                action={revokeApiKeyForm}
                label="Revoke"
                pendingLabel="Revoking…"
                hidden={{ id: key.id }}
                confirmTitle={`Revoke “${key.name}”?`}
                confirmMessage="Anything using this key stops working at once. This cannot be undone."
              />
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
