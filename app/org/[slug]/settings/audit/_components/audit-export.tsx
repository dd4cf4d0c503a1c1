import Link from "next/link";
import { Button } from "@/components/ui/button";
import { auditFilterQuery } from "@/lib/audit/display";
import type { AuditFilter } from "@/lib/audit-log/query";

/** The CSV download on plans that include it; otherwise which plan does. */
export function AuditExport({
  filter,
  included,
  canUpgrade,
}: {
  filter: AuditFilter;
  included: boolean;
  canUpgrade: boolean;
}) {
  if (included) {
    return (
      <Button href={`/api/audit/export?${auditFilterQuery(filter)}`} variant="secondary">
        Download CSV
      </Button>
    );
  }
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400">
      CSV export comes with the Business plan.{" "}
      {canUpgrade ? (
        <Link href="/settings/billing" className="font-medium underline underline-offset-2">
          Upgrade
        </Link>
      ) : null}
    </p>
  );
}
