import type { ReactNode } from "react";
import { OrgNav } from "@/components/org/org-nav";
import { AppShell } from "@/components/shell/app-shell";
import { requireSession } from "@/lib/auth/current-session";
import { requestedPath } from "@/lib/auth/return-path";
import { env } from "@/lib/env";
import { requestHost } from "@/lib/tenancy/request-host";
import { readThemeChoice } from "@/lib/theme/cookie";
import { signOutAction } from "../(auth)/actions";

/** Signed-in pages of the root host. Every page and action below checks the session itself too. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireSession(await requestedPath("/account"));
  const [theme, host] = await Promise.all([readThemeChoice(), requestHost()]);
  // /account also answers on organization subdomains (the session is shared); the list of
  // organizations lives on the root host only.
  const organizations = host.kind === "tenant" ? `${env.appUrl}/organizations` : "/organizations";
  return (
    <AppShell
      user={{ name: session.user.name, email: session.user.email }}
      theme={theme}
      links={{ account: `${env.appUrl}/account`, organizations: `${env.appUrl}/organizations` }}
      signOut={signOutAction}
      navigation={
        <OrgNav
          label="Account"
          items={[
            { href: organizations, label: "Organizations" },
            { href: "/account", label: "Account" },
          ]}
        />
      }
    >
      <div className="mx-auto w-full max-w-3xl px-5 py-10 sm:py-14">{children}</div>
    </AppShell>
  );
}
