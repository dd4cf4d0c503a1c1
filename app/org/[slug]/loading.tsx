/** Shown while an organization page loads. */
export default function OrganizationLoading() {
  return (
    <div role="status" aria-live="polite" className="grid gap-3 py-4">
      <span className="sr-only">Loading…</span>
      <div className="h-7 w-48 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-4 w-full max-w-md animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" />
      <div className="h-4 w-full max-w-sm animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" />
    </div>
  );
}
