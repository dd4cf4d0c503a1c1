import type { ReactNode } from "react";

export { mediumDate as day, mediumDateTime as moment } from "@/lib/format/dates";

export function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid gap-4 sm:grid-cols-3">{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-base font-medium break-words text-zinc-950 dark:text-white">
        {children}
      </dd>
    </div>
  );
}

export const reasonField = {
  name: "reason",
  label: "Reason (kept in the audit log)",
  type: "textarea",
  maxLength: 500,
} as const;
