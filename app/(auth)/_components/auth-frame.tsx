import type { ReactNode } from "react";
import { SiteShell } from "@/components/shell/site-shell";
import type { ShellUser } from "@/components/shell/shell-user";

/** One calm card in the page, under the site header. */
export function AuthFrame({ user, children }: { user: ShellUser | null; children: ReactNode }) {
  return (
    <SiteShell user={user}>
      <div className="flex flex-1 items-start justify-center px-5 py-12 sm:py-20">
        <div className="w-full max-w-md">{children}</div>
      </div>
    </SiteShell>
  );
}
