/** Shown while the organization's data moves to another database (README, "Moving an organization"). */
export function MovingBanner({ organizationName }: { organizationName: string }) {
  return (
    <div
      role="status"
      data-testid="moving-banner"
      className="border-b border-amber-200 bg-amber-50 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <p className="mx-auto max-w-6xl px-5 py-3 sm:px-6 lg:px-8">
        Maintenance: {organizationName} is being moved to its own database. Everything stays
        readable; changes are paused for a moment. Reload the page shortly to continue.
      </p>
    </div>
  );
}
