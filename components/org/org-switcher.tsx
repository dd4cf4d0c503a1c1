"use client";

import type { KeyboardEvent } from "react";

type SwitcherOrganization = { slug: string; name: string; href: string };

// Escape closes the list, as it does the user menu, and focus goes back to where it opened.
function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
  const details = event.currentTarget;
  if (event.key !== "Escape" || !details.open) return;
  event.preventDefault();
  details.open = false;
  details.querySelector("summary")?.focus();
}

// A native <details>: it opens and closes with Enter and Space, with or without JavaScript.
export function OrgSwitcher({
  current,
  organizations,
  createHref,
}: {
  current: { slug: string; name: string };
  organizations: SwitcherOrganization[];
  createHref: string;
}) {
  return (
    <details className="group relative min-w-0" onKeyDown={closeOnEscape}>
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-2 py-1 text-base font-semibold text-zinc-950 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-600 sm:text-lg dark:text-white dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden">
        {/* A long name is cut with an ellipsis, so the user menu stays on a phone's screen. */}
        <span className="truncate">{current.name}</span>
        <span
          aria-hidden="true"
          className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400 group-open:rotate-180"
        >
          ▾
        </span>
        <span className="sr-only">Switch organization</span>
      </summary>
      <div className="absolute left-0 z-30 mt-2 w-[min(18rem,calc(100vw-6rem))] rounded-xl border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
        <p className="px-2 pt-1 pb-2 text-xs font-medium tracking-wide text-zinc-500 dark:text-zinc-400 uppercase">
          Your organizations
        </p>
        <ul>
          {organizations.map((org) => (
            <li key={org.slug}>
              <a
                href={org.href}
                aria-current={org.slug === current.slug ? "true" : undefined}
                className="block rounded-lg px-2 py-2 text-sm text-zinc-800 hover:bg-zinc-100 aria-[current]:font-semibold dark:text-zinc-200 dark:hover:bg-zinc-800"
              >
                {org.name}
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">{org.slug}</span>
              </a>
            </li>
          ))}
        </ul>
        <a
          href={createHref}
          className="mt-1 block rounded-lg border-t border-zinc-200 px-2 pt-3 pb-2 text-sm font-medium text-brand-700 hover:underline dark:border-zinc-800 dark:text-brand-300"
        >
          Create an organization
        </a>
      </div>
    </details>
  );
}
