import type { ReactNode } from "react";
import { SiteShell } from "@/components/shell/site-shell";
import { getCurrentSession } from "@/lib/auth/current-session";

/** Sign-up, sign-in and the pages behind emailed links: one calm card in the page. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  // Pages behind emailed links are opened signed in too: the header says so.
  const session = await getCurrentSession();
  const user = session ? { name: session.user.name, email: session.user.email } : null;
  return (
    <SiteShell user={user}>
      <div className="flex flex-1 items-start justify-center px-5 py-12 sm:py-20">
        <div className="w-full max-w-md">{children}</div>
      </div>
    </SiteShell>
  );
}
