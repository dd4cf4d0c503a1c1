import type { ReactNode } from "react";
import { brand } from "@/brand.config";
import type { ThemeChoice } from "@/lib/theme/choice";
import { LogoMark } from "./logo-mark";
import type { ShellUser } from "./shell-user";
import { MAIN_CONTENT_ID, SkipLink } from "./skip-link";
import { AccountMenu, type UserMenuLinks } from "./account-menu";

type AppShellProps = {
  user: ShellUser;
  theme: ThemeChoice;
  links: UserMenuLinks;
  signOut: () => Promise<void>;
  /** Beside the logo: the organization switcher, or nothing. */
  context?: ReactNode;
  /** Under the top row: the section tabs. */
  navigation?: ReactNode;
  children: ReactNode;
};

/**
 * The frame of signed-in pages (an organization's, the account's): logo, context, user menu
 * and tabs; no marketing navigation or footer. Nothing in it is wider than the screen.
 */
export function AppShell({
  user,
  theme,
  links,
  signOut,
  context,
  navigation,
  children,
}: AppShellProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        <div
          className={`mx-auto flex max-w-6xl items-center gap-2 px-5 pt-3 sm:gap-3 sm:px-6 lg:px-8 ${navigation ? "pb-1" : "pb-3"}`}
        >
          <a
            href={links.organizations}
            className="flex shrink-0 items-center gap-2.5 rounded-md text-lg font-semibold tracking-tight text-zinc-950 dark:text-white"
          >
            <LogoMark className="size-7" />
            <span className={context ? "sr-only" : undefined}>{brand.name}</span>
            <span className="sr-only">: your organizations</span>
          </a>
          {context ? (
            <>
              <span aria-hidden="true" className="shrink-0 text-zinc-300 dark:text-zinc-700">
                /
              </span>
              <div className="min-w-0">{context}</div>
            </>
          ) : null}
          <div className="ml-auto flex min-w-0 shrink-0 items-center">
            <AccountMenu user={user} theme={theme} links={links} signOut={signOut} />
          </div>
        </div>
        {navigation ? (
          <div className="mx-auto max-w-6xl px-5 sm:px-6 lg:px-8">{navigation}</div>
        ) : null}
      </header>
      {/* tabIndex lets the skip link move focus here, not only scroll. */}
      <main
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        className="flex min-w-0 flex-1 flex-col focus:outline-none"
      >
        {children}
      </main>
    </div>
  );
}
