import Link from "next/link";

const sections = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/organizations", label: "Organizations" },
  { href: "/admin/metrics", label: "Metrics" },
  { href: "/admin/jobs", label: "Jobs and webhooks" },
] as const;

export function AdminNav() {
  return (
    <nav aria-label="Operator console" className="border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex flex-wrap gap-x-6 text-sm">
        {sections.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="inline-block border-b-2 border-transparent py-2 font-medium text-zinc-600 hover:border-zinc-400 hover:text-zinc-950 focus-visible:outline-2 dark:text-zinc-400 dark:hover:text-white"
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
