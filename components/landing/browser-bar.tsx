/** The address bar of the workspace drawing: an organization on its own subdomain. */
export function BrowserBar() {
  return (
    <div className="flex items-center gap-4 border-b border-zinc-200 bg-zinc-50 px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex gap-1.5">
        <span className="size-3 rounded-full bg-zinc-300 dark:bg-zinc-700" />
        <span className="size-3 rounded-full bg-zinc-300 dark:bg-zinc-700" />
        <span className="size-3 rounded-full bg-zinc-300 dark:bg-zinc-700" />
      </div>
      <div className="mx-auto flex w-full max-w-sm items-center justify-center gap-2 rounded-md border border-zinc-200 bg-white px-3 py-1 font-mono text-xs text-zinc-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-400">
        <svg viewBox="0 0 16 16" className="size-3 fill-none stroke-current stroke-[1.5]">
          <rect x="3.5" y="7" width="9" height="6.5" rx="1.5" />
          <path d="M5.5 7V5.5a2.5 2.5 0 0 1 5 0V7" />
        </svg>
        <span>
          <span className="font-semibold text-zinc-800 dark:text-zinc-100">acme</span>
          .yourapp.com/members
        </span>
      </div>
      <div className="w-12" />
    </div>
  );
}
