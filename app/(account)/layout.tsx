import type { ReactNode } from "react";
import { SiteShell } from "@/components/shell/site-shell";
import { requireSession } from "@/lib/auth/current-session";
import { requestedPath } from "@/lib/auth/return-path";

/** Signed-in pages of the root host. Every page and action below checks the session itself too. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireSession(await requestedPath("/account"));
  return (
    <SiteShell user={{ name: session.user.name, email: session.user.email }}>
      <div className="mx-auto w-full max-w-3xl px-5 py-10 sm:py-14">{children}</div>
    </SiteShell>
  );
}
