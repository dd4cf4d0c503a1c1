import Link from "next/link";
import { authLinks } from "./navigation";
import { avatarInitial, type ShellUser } from "./shell-user";

type AccountLinkProps = {
  user: ShellUser;
  className?: string;
};

export function AccountLink({ user, className }: AccountLinkProps) {
  return (
    <Link
      href={authLinks.account}
      className={`flex min-w-0 items-center gap-2.5 rounded-full py-1 pr-3 pl-1 text-sm text-zinc-700 transition-colors hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800/80 dark:hover:text-white ${className ?? ""}`}
    >
      <span
        aria-hidden="true"
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-800 dark:bg-brand-900 dark:text-brand-100"
      >
        {avatarInitial(user)}
      </span>
      <span className="sr-only">Account: </span>
      <span className="truncate">{user.email}</span>
    </Link>
  );
}
