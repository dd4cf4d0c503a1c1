import type { ReactNode } from "react";
import { SiteShell } from "@/components/shell/site-shell";
import { getCurrentSession } from "@/lib/auth/current-session";

/** Invitation links: open to signed-out visitors, who are offered to sign in or sign up. */
export default async function InvitationsLayout({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  const user = session ? { name: session.user.name, email: session.user.email } : null;
  return (
    <SiteShell user={user}>
      <div className="mx-auto w-full max-w-2xl px-5 py-10 sm:py-14">{children}</div>
    </SiteShell>
  );
}
