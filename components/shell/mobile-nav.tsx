import { buttonClassName } from "@/components/ui/button";
import { AccountLink } from "./account-link";
import { AuthActions } from "./auth-actions";
import { NavLink } from "./nav-link";
import { primaryNavigation } from "./navigation";
import type { ShellUser } from "./shell-user";

type MobileNavProps = {
  user: ShellUser | null;
};

// A native disclosure: Enter or Space opens it, with no client JavaScript.
export function MobileNav({ user }: MobileNavProps) {
  return (
    <details className="group relative md:hidden">
      <summary
        className={buttonClassName({
          variant: "ghost",
          size: "md",
          className: "cursor-pointer list-none px-3 [&::-webkit-details-marker]:hidden",
        })}
      >
        <svg
          viewBox="0 0 20 20"
          aria-hidden="true"
          focusable="false"
          className="size-5 fill-none stroke-current stroke-[1.6]"
        >
          <path className="group-open:hidden" d="M3 6h14M3 10h14M3 14h14" strokeLinecap="round" />
          <path
            className="hidden group-open:block"
            d="M5 5l10 10M15 5 5 15"
            strokeLinecap="round"
          />
        </svg>
        <span>Menu</span>
      </summary>

      <div className="absolute top-full right-0 z-50 mt-2 w-[min(20rem,calc(100vw-2rem))] rounded-2xl border border-zinc-200 bg-white p-3 shadow-xl shadow-zinc-950/10 dark:border-zinc-800 dark:bg-zinc-900 dark:shadow-black/40">
        <nav aria-label="Main menu">
          <ul className="grid gap-1">
            {primaryNavigation.map((item) => (
              <li key={item.href}>
                <NavLink
                  item={item}
                  className="block rounded-lg px-3 py-2.5 text-base font-medium text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
                />
              </li>
            ))}
          </ul>
        </nav>
        <div className="mt-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          {user ? <AccountLink user={user} /> : <AuthActions stacked />}
        </div>
      </div>
    </details>
  );
}
