import type { ReactNode } from "react";

const titleSizes = { md: "text-2xl", lg: "text-3xl" } as const;

export function PageHeader({
  title,
  description,
  actions,
  size = "md",
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  size?: keyof typeof titleSizes;
}) {
  const heading = (
    <h1
      className={`${titleSizes[size]} font-semibold tracking-tight text-zinc-950 dark:text-white`}
    >
      {title}
    </h1>
  );
  const text = description ? (
    <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
  ) : null;
  if (!actions) {
    return (
      <header>
        {heading}
        {text}
      </header>
    );
  }
  return (
    <header className="flex flex-wrap items-center justify-between gap-3">
      <div>
        {heading}
        {text}
      </div>
      {actions}
    </header>
  );
}
