import type { ReactNode } from "react";

export function RowList({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <ul
      aria-label={label}
      className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
    >
      {children}
    </ul>
  );
}

export function Row({
  title,
  details,
  actions,
}: {
  title: ReactNode;
  details: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <li className="grid gap-3 px-4 py-4 sm:grid-cols-[1fr_auto] sm:items-center">
      <div>
        <p className="font-medium text-zinc-950 dark:text-white">{title}</p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{details}</p>
      </div>
      {actions ? <div className="flex flex-wrap items-start gap-3">{actions}</div> : null}
    </li>
  );
}
