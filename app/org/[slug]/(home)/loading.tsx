/** While the overview's reads run: the page's shape, announced once to screen readers. */
export default function OrganizationHomeLoading() {
  const block = "animate-pulse rounded-2xl bg-zinc-100 dark:bg-zinc-800/70";
  return (
    <div className="grid gap-8" role="status" aria-live="polite">
      <span className="sr-only">Loading the overview…</span>
      <div
        aria-hidden="true"
        className="h-9 w-64 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800/70"
      />
      <div aria-hidden="true" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className={`h-28 ${block}`} />
        ))}
      </div>
      <div aria-hidden="true" className={`h-56 ${block}`} />
    </div>
  );
}
