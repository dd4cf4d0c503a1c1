import { inputClassName } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { OrganizationFilter } from "@/lib/admin/organizations/list";
import { organizationStatusFilters } from "@/lib/admin/organizations/list";
import { plans, planIds } from "@/lib/billing/plans/plans";

const statusLabel = (status: string) =>
  status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, " ");

/** A GET form: the filters live in the address, so a filtered list can be shared and reloaded. */
export function OrganizationFilters({ filter }: { filter: Partial<OrganizationFilter> }) {
  return (
    <form
      method="get"
      role="search"
      className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
    >
      <label className="grid gap-1 text-sm font-medium">
        Search
        <input
          name="q"
          type="search"
          defaultValue={filter.q ?? ""}
          placeholder="Name, address or id"
          className={inputClassName}
        />
      </label>
      <label className="grid gap-1 text-sm font-medium">
        Plan
        <select name="plan" defaultValue={filter.plan ?? ""} className={inputClassName}>
          <option value="">Any plan</option>
          {planIds.map((id) => (
            <option key={id} value={id}>
              {plans[id].name}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1 text-sm font-medium">
        Status
        <select name="status" defaultValue={filter.status ?? ""} className={inputClassName}>
          <option value="">Any status</option>
          {organizationStatusFilters.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}
