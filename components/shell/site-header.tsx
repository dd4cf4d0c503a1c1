import { AccountLink } from "./account-link";
import { AuthActions } from "./auth-actions";
import { MobileNav } from "./mobile-nav";
import { NavLink } from "./nav-link";
import { primaryNavigation } from "./navigation";
import type { ShellUser } from "./shell-user";
import { Wordmark } from "./wordmark";

type SiteHeaderProps = {
  user?: ShellUser | null;
};

export function SiteHeader({ user = null }: SiteHeaderProps) {
  return (
    <header className="sticky top-0 z-40 border-b border-zinc-200/80 bg-white/85 backdrop-blur-md supports-[backdrop-filter]:bg-white/70 dark:border-zinc-800/80 dark:bg-zinc-950/85 dark:supports-[backdrop-filter]:bg-zinc-950/70">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-6 px-5 sm:px-6 lg:px-8">
        <div className="flex items-center gap-10">
          <Wordmark />
          <nav aria-label="Main" className="hidden md:block">
            <ul className="flex items-center gap-1">
              {primaryNavigation.map((item) => (
                <li key={item.href}>
                  <NavLink
                    item={item}
                    className="rounded-md px-3 py-2 text-sm font-medium text-zinc-600 transition-colors hover:text-zinc-950 dark:text-zinc-400 dark:hover:text-white"
                  />
                </li>
              ))}
            </ul>
          </nav>
        </div>

        <div className="hidden min-w-0 md:block">
          {user ? <AccountLink user={user} className="max-w-72" /> : <AuthActions />}
        </div>
        <MobileNav user={user} />
      </div>
    </header>
  );
}
