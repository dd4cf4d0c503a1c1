import type { ThemeChoice } from "@/lib/theme/choice";
import { avatarInitial, type ShellUser } from "./shell-user";
import { ThemeForm } from "./theme-form";
import { UserMenu } from "./user-menu";

export type UserMenuLinks = { account: string; organizations: string };

type AccountMenuProps = {
  user: ShellUser;
  theme: ThemeChoice;
  links: UserMenuLinks;
  /** The server action that signs out (app/(auth)/actions.ts): a form post, no script needed. */
  signOut: () => Promise<void>;
};

const itemClass =
  "block rounded-lg px-2 py-2 text-sm text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800";

/** The user menu of the app's pages: who is signed in, where their things are, theme, sign out. */
export function AccountMenu({ user, theme, links, signOut }: AccountMenuProps) {
  const who = user.name?.trim() || user.email;
  return (
    <UserMenu
      who={who}
      button={
        <>
          <span
            aria-hidden="true"
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-800 dark:bg-brand-900 dark:text-brand-100"
          >
            {avatarInitial(user)}
          </span>
          <span aria-hidden="true" className="hidden max-w-48 truncate sm:block">
            {who}
          </span>
          <svg
            viewBox="0 0 20 20"
            aria-hidden="true"
            focusable="false"
            className="size-4 shrink-0 fill-none stroke-current stroke-[1.6]"
          >
            <path d="m6 8 4 4 4-4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </>
      }
    >
      <div className="border-b border-zinc-200 px-2 pt-1 pb-3 dark:border-zinc-800">
        {user.name ? (
          <p className="truncate text-sm font-semibold text-zinc-950 dark:text-white">
            {user.name}
          </p>
        ) : null}
        <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{user.email}</p>
      </div>
      <ul className="grid gap-0.5 py-2">
        <li>
          <a href={links.account} className={itemClass}>
            Account
          </a>
        </li>
        <li>
          <a href={links.organizations} className={itemClass}>
            Organizations
          </a>
        </li>
      </ul>
      <div className="border-t border-zinc-200 py-3 dark:border-zinc-800">
        <ThemeForm current={theme} />
      </div>
      <form action={signOut} className="border-t border-zinc-200 pt-2 dark:border-zinc-800">
        <button type="submit" className={`${itemClass} w-full cursor-pointer text-left`}>
          Sign out
        </button>
      </form>
    </UserMenu>
  );
}
