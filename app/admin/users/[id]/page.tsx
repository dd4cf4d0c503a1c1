import { notFound } from "next/navigation";
import { ConfirmIdentity } from "@/components/auth/confirm-identity";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/admin/page-access";
import { reauthenticationMethods } from "@/lib/auth/flows/reauthenticate";
import { db } from "@/lib/db";
import {
  reauthenticateAction,
  sendReauthenticationLinkAction,
} from "../../../(account)/account/confirm-actions";
import { ImpersonateSection } from "./_components/impersonate-section";

export const metadata = { title: "User" };

// A minimal user page until the console's full user page lands; it only offers "View as".
export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage();
  const { id } = await params;
  const [user, methods] = await Promise.all([
    db.user.findUnique({
      where: { id },
      select: { id: true, email: true, name: true, staffSince: true, disabledAt: true },
    }),
    reauthenticationMethods(staff.id),
  ]);
  if (!user) notFound();
  return (
    <div className="grid gap-8">
      <PageHeader title={user.name ?? user.email} description={user.email} />
      <ImpersonateSection
        user={{
          id: user.id,
          isStaff: user.staffSince !== null,
          disabled: user.disabledAt !== null,
        }}
        confirmIdentity={
          <ConfirmIdentity
            methods={methods}
            confirmAction={reauthenticateAction}
            sendLinkAction={sendReauthenticationLinkAction}
          />
        }
      />
    </div>
  );
}
