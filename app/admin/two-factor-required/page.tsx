import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { staffGate } from "@/lib/admin/access";

export const metadata = { title: "Turn on two-factor authentication" };

// The only page a staff member without 2FA can open: nothing about customers is shown here.
export default async function TwoFactorRequiredPage() {
  const gate = await staffGate();
  if (gate.kind === "none") notFound();
  if (gate.kind === "staff") redirect("/admin");
  return (
    <div className="max-w-xl space-y-4">
      <PageHeader
        title="Turn on two-factor authentication"
        description="The operator console gives access to every customer's account, so it needs a second factor. Turn on two-factor authentication for your account, then come back."
      />
      <Link href="/account#two-factor" className={buttonClassName()}>
        Go to your account settings
      </Link>
    </div>
  );
}
