import type { ReactNode } from "react";

/**
 * The end of a settings page, set apart in red: actions that cannot be undone. The heading
 * says so in words, so the colour is never the only sign.
 */
export function DangerZone({
  children,
  className = "",
}: {
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby="danger-zone"
      className={`mt-4 grid gap-4 rounded-2xl border-2 border-red-300 bg-red-50/40 p-6 dark:border-red-900 dark:bg-red-950/20 ${className}`.trim()}
    >
      <h2 id="danger-zone" className="text-lg font-semibold text-red-800 dark:text-red-300">
        Danger zone
      </h2>
      <div className="grid gap-6 divide-y divide-red-200 dark:divide-red-900/60 [&>*:not(:first-child)]:pt-6">
        {children}
      </div>
    </section>
  );
}

/** One action in the danger zone: what it is, what it does, and its button. */
export function DangerAction({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <div aria-labelledby={id} role="group" className="grid gap-3">
      <h3 id={id} className="font-semibold text-zinc-950 dark:text-white">
        {title}
      </h3>
      {children}
    </div>
  );
}
