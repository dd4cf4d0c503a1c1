import type { ReactNode } from "react";
import { SiteShell } from "@/components/shell/site-shell";

/** Sign-up, sign-in and the pages behind emailed links: one calm card in the page. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <SiteShell>
      <div className="flex flex-1 items-start justify-center px-5 py-12 sm:py-20">
        <div className="w-full max-w-md">{children}</div>
      </div>
    </SiteShell>
  );
}
