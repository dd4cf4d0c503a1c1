import type { ReactNode } from "react";

export function Section({
  id,
  title,
  description,
  children,
  danger = false,
  className = "",
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  danger?: boolean;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`grid gap-4 rounded-2xl border bg-white p-6 shadow-sm dark:bg-zinc-900 ${danger ? "border-red-200 dark:border-red-900" : "border-zinc-200 dark:border-zinc-800"} ${className}`.trim()}
    >
      <div>
        <h2
          id={id}
          className={`text-lg font-semibold ${danger ? "text-red-800 dark:text-red-300" : "text-zinc-950 dark:text-white"}`}
        >
          {title}
        </h2>
        {description ? <Muted className="mt-1">{description}</Muted> : null}
      </div>
      {children}
    </section>
  );
}

export function Muted({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <p className={`text-sm text-zinc-600 dark:text-zinc-400 ${className}`.trim()}>{children}</p>
  );
}
