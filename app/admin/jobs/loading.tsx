export default function JobsLoading() {
  return (
    <div className="grid gap-8" role="status" aria-live="polite">
      <span className="sr-only">Loading jobs and webhooks…</span>
      <div className="h-8 w-56 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      {[0, 1, 2].map((section) => (
        <div
          key={section}
          aria-hidden
          className="h-40 animate-pulse rounded-2xl border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
        />
      ))}
    </div>
  );
}
