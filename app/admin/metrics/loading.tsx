/** Shown while the page reads its snapshots (or computes a missing month). */
export default function MetricsLoading() {
  return (
    <div className="grid gap-6" role="status" aria-live="polite">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading unit economics…</p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="h-20 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-800" />
        ))}
      </div>
      <div className="h-60 animate-pulse rounded-2xl bg-zinc-100 dark:bg-zinc-800" />
    </div>
  );
}
