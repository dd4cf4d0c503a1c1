import type { ReactNode } from "react";

/**
 * A titled block of an organization's settings pages (general, transfer, billing...).
 * The heading labels the region for screen readers; `danger` marks destructive ones.
 */
export function SettingsSection({
  id,
  title,
  children,
  danger = false,
  className = "",
}: {
  id: string;
  title: string;
  children: ReactNode;
  danger?: boolean;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`grid gap-4 rounded-2xl border p-6 ${danger ? "border-red-200 dark:border-red-900" : "border-zinc-200 dark:border-zinc-800"} ${className}`.trim()}
    >
      <h2
        id={id}
        className={`text-lg font-semibold ${danger ? "text-red-800 dark:text-red-300" : "text-zinc-950 dark:text-white"}`}
      >
        {title}
      </h2>
      {children}
    </section>
  );
}
