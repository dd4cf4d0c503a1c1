import { Button } from "@/components/ui/button";
import { organizationAuditActions } from "@/lib/audit/actions";
import { describeAuditAction } from "@/lib/audit/display";
import type { AuditFilter } from "@/lib/audit-log/query";
import type { MemberView } from "@/lib/members/members";

const controlClass =
  "block h-10 w-full rounded-lg border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** A plain GET form: the filter lives in the address, so it can be shared and bookmarked. */
export function AuditFilters({ filter, members }: { filter: AuditFilter; members: MemberView[] }) {
  return (
    <form action="/settings/audit" className="grid gap-4 sm:grid-cols-5 sm:items-end">
      <label className="grid gap-1 text-sm font-medium">
        Person
        <select name="actor" defaultValue={filter.actor ?? ""} className={controlClass}>
          <option value="">Anyone</option>
          {members.map((m) => (
            <option key={m.user.id} value={m.user.id}>
              {m.user.name ?? m.user.email}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1 text-sm font-medium">
        Action
        <select name="action" defaultValue={filter.action ?? ""} className={controlClass}>
          <option value="">Any action</option>
          {organizationAuditActions.map((action) => (
            <option key={action} value={action}>
              {describeAuditAction(action)}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1 text-sm font-medium">
        From
        <input type="date" name="from" defaultValue={filter.from ?? ""} className={controlClass} />
      </label>
      <label className="grid gap-1 text-sm font-medium">
        To
        <input type="date" name="to" defaultValue={filter.to ?? ""} className={controlClass} />
      </label>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}
