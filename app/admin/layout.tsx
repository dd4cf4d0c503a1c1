import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteShell } from "@/components/shell/site-shell";
import { staffGate } from "@/lib/admin/access";
import { notFound } from "next/navigation";
import { AdminNav } from "./_components/admin-nav";

export const metadata: Metadata = {
  title: { template: "%s · Operator console", default: "Operator console" },
  robots: { index: false, follow: false },
};

/** The operator console. Each page and action checks staff again (lib/admin/page-access.ts). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const gate = await staffGate();
  if (gate.kind === "none") notFound();
  return (
    <SiteShell user={{ name: gate.staff.name, email: gate.staff.email }}>
      <div className="mx-auto w-full max-w-6xl px-5 py-8 sm:py-10">
        {gate.kind === "staff" ? <AdminNav /> : null}
        <div className="mt-6">{children}</div>
      </div>
    </SiteShell>
  );
}
