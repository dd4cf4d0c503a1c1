import { BrowserBar } from "./browser-bar";

const sidebarItems = ["Projects", "Members", "Billing", "Settings"] as const;

const members = [
  { initial: "A", name: "Ada Lovelace", email: "ada@acme.test", role: "Owner", note: "2FA on" },
  { initial: "G", name: "Grace Hopper", email: "grace@acme.test", role: "Member", note: "2FA on" },
  {
    initial: "L",
    name: "Invitation sent",
    email: "linus@acme.test",
    role: "Member",
    note: "Pending",
  },
] as const;

/**
 * A drawing of an organization's workspace, built from markup so it stays sharp
 * and follows the color scheme. Decorative: hidden from assistive technology.
 */
export function WorkspacePreview() {
  return (
    <div
      aria-hidden="true"
      className="overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-2xl shadow-brand-950/10 select-none dark:border-zinc-800 dark:bg-zinc-900 dark:shadow-black/50"
    >
      <BrowserBar />

      <div className="grid sm:grid-cols-[12rem_1fr]">
        <div className="hidden border-r border-zinc-200 p-4 sm:block dark:border-zinc-800">
          <div className="flex items-center gap-2.5 rounded-lg border border-zinc-200 px-2.5 py-2 dark:border-zinc-800">
            <span className="flex size-7 items-center justify-center rounded-md bg-zinc-900 text-xs font-bold text-white dark:bg-white dark:text-zinc-900">
              A
            </span>
            <span className="min-w-0">
              <span className="block truncate text-sm font-semibold text-zinc-900 dark:text-white">
                Acme
              </span>
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">Pro plan</span>
            </span>
          </div>
          <ul className="mt-4 grid gap-0.5 text-sm">
            {sidebarItems.map((item) => (
              <li
                key={item}
                className={
                  item === "Members"
                    ? "rounded-md bg-zinc-100 px-2.5 py-1.5 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-white"
                    : "px-2.5 py-1.5 text-zinc-500 dark:text-zinc-400"
                }
              >
                {item}
              </li>
            ))}
          </ul>
        </div>

        <div className="p-5 sm:p-6">
          <div className="flex items-center justify-between gap-4">
            <div>
              <p className="text-base font-semibold text-zinc-900 dark:text-white">Members</p>
              <p className="text-sm text-zinc-500 dark:text-zinc-400">
                3 of 10 seats on the Pro plan
              </p>
            </div>
            <span className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white dark:bg-brand-300 dark:text-brand-950">
              Invite
            </span>
          </div>

          <ul className="mt-5 divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {members.map((member) => (
              <li key={member.email} className="flex items-center gap-3 px-4 py-3">
                <span
                  className={
                    member.note === "Pending"
                      ? "flex size-8 shrink-0 items-center justify-center rounded-full border border-dashed border-zinc-300 text-xs font-semibold text-zinc-400 dark:border-zinc-600"
                      : "flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800 dark:bg-brand-900 dark:text-brand-100"
                  }
                >
                  {member.initial}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium text-zinc-900 dark:text-white">
                    {member.name}
                  </span>
                  <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">
                    {member.email}
                  </span>
                </span>
                <span
                  className={
                    member.note === "Pending"
                      ? "hidden rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200 sm:inline dark:bg-amber-950/50 dark:text-amber-300 dark:ring-amber-900"
                      : "hidden rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200 sm:inline dark:bg-emerald-950/50 dark:text-emerald-300 dark:ring-emerald-900"
                  }
                >
                  {member.note}
                </span>
                <span className="w-16 text-right text-sm text-zinc-600 dark:text-zinc-300">
                  {member.role}
                </span>
              </li>
            ))}
          </ul>

          <div className="mt-4 flex items-center gap-2 rounded-lg bg-zinc-50 px-3 py-2 text-xs text-zinc-600 dark:bg-zinc-800/60 dark:text-zinc-300">
            <span className="size-1.5 rounded-full bg-emerald-500" />
            Invitation email queued in the same transaction, delivered after the response
          </div>
        </div>
      </div>
    </div>
  );
}
