/** Shown while the organization list is read. */
export default function OrganizationsLoading() {
  return (
    <div className="grid gap-6" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading organizations…</p>
      <div className="h-8 w-48 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-11 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />
      <div className="h-96 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
    </div>
  );
}
