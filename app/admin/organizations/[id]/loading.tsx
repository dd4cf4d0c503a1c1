/** Shown while the organization's page is read. */
export default function OrganizationLoading() {
  return (
    <div className="grid gap-8" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading the organization…</p>
      <div className="h-8 w-64 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-64 animate-pulse rounded-2xl bg-zinc-100 dark:bg-zinc-900" />
      <div className="h-48 animate-pulse rounded-2xl bg-zinc-100 dark:bg-zinc-900" />
    </div>
  );
}
