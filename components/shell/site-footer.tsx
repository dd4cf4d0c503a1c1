import { brand } from "@/brand.config";
import { NavLink } from "./nav-link";
import { footerNavigation, REPOSITORY_URL } from "./navigation";
import { Wordmark } from "./wordmark";

export function SiteFooter() {
  return (
    <footer className="border-t border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="mx-auto grid max-w-6xl gap-12 px-5 py-14 sm:px-6 md:grid-cols-[1fr_auto] lg:px-8">
        <div className="max-w-sm">
          <Wordmark />
          <p className="mt-4 text-sm leading-6 text-zinc-600 dark:text-zinc-400">
            The SaaS starter for Next.js with organizations, accounts and billing done properly.
            Fork it, rename it, ship your product.
          </p>
        </div>

        <nav aria-label="Footer" className="grid grid-cols-2 gap-10 sm:grid-cols-3 sm:gap-16">
          {footerNavigation.map((group) => (
            <div key={group.title}>
              <h2 className="text-sm font-semibold text-zinc-950 dark:text-white">{group.title}</h2>
              <ul className="mt-4 grid gap-3">
                {group.items.map((item) => (
                  <li key={item.href}>
                    <NavLink
                      item={item}
                      className="rounded-sm text-sm text-zinc-600 transition-colors hover:text-zinc-950 dark:text-zinc-400 dark:hover:text-white"
                    />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </div>

      <div className="border-t border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-5 py-6 text-sm text-zinc-600 sm:flex-row sm:items-center sm:justify-between sm:px-6 lg:px-8 dark:text-zinc-400">
          <p>
            © {brand.legal.companyName}. {brand.name} is open source under the MIT License.
          </p>
          <p>
            Built with Next.js, PostgreSQL and Stripe.{" "}
            <a
              href={REPOSITORY_URL}
              className="rounded-sm font-medium text-zinc-800 underline decoration-zinc-300 underline-offset-4 hover:decoration-zinc-500 dark:text-zinc-200 dark:decoration-zinc-600 dark:hover:decoration-zinc-400"
            >
              Contribute on GitHub
            </a>
          </p>
        </div>
      </div>
    </footer>
  );
}
