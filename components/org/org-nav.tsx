"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";

export type OrgNavItem = { href: string; label: string };

// Paths are the browser's (`/projects`): the subdomain already names the organization.
// `label` names the landmark: "Organization" for an organization's sections, "Account" above.
export function OrgNav({ items, label = "Organization" }: { items: OrgNavItem[]; label?: string }) {
  // Null only while a Pages Router page renders, which never holds this component.
  const pathname = usePathname() ?? "";
  // The deepest matching item wins, so /settings/audit marks "Audit log", not "Settings".
  const current = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    // Wraps onto a second row on narrow screens: a scrolling row hid "Billing" past the edge.
    <nav aria-label={label} className="-mb-px">
      <ul className="flex flex-wrap gap-x-1">
        {items.map((item) => {
          const active = item === current;
          return (
            <li key={item.href}>
              <IntentLink
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
                  active
                    ? "border-brand-600 text-zinc-950 dark:border-brand-300 dark:text-white"
                    : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-950 dark:text-zinc-400 dark:hover:text-white"
                }`}
              >
                {item.label}
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
