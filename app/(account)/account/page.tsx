import type { Metadata } from "next";
import { brand } from "@/brand.config";
import { ConfirmIdentity } from "@/components/auth/confirm-identity";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { accountDeletionSummary } from "@/lib/account/deletion-summary";
import { requireSession } from "@/lib/auth/current-session";
import { reauthenticationMethods } from "@/lib/auth/flows/reauthenticate";
import { remainingRecoveryCodes } from "@/lib/auth/flows/two-factor";
import { listSessions } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { referralCodeFor, referralUrl } from "@/lib/referrals/links";
import { signOutAction } from "../../(auth)/actions";
import { reauthenticateAction, sendReauthenticationLinkAction } from "./confirm-actions";
import { securityHistory } from "./security-history";
import { AccountNotices } from "./_components/account-notices";
import { DeleteAccountSection } from "./_components/delete-account-section";
import { EmailSection } from "./_components/email-section";
import { PasswordSection } from "./_components/password-section";
import { ProfileSection } from "./_components/profile-section";
import { ReferralSection } from "./_components/referral-section";
import { profileOf } from "@/lib/account/profile";
import { storageConfig } from "@/lib/storage/client";
import { SecurityHistorySection } from "./_components/security-history-section";
import { SessionsSection } from "./_components/sessions-section";
import { TwoFactorSection } from "./_components/two-factor-section";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession("/account");
  const { user } = session;
  const [params, sessions, recoveryLeft, methods, history, deletion, referralCode, profile] =
    await Promise.all([
      searchParams,
      listSessions(db, user.id),
      user.twoFactorEnabled ? remainingRecoveryCodes(user.id) : 0,
      reauthenticationMethods(user.id),
      securityHistory(user.id),
      accountDeletionSummary(user.id),
      referralCodeFor(user.id),
      profileOf(user.id),
    ]);
  // Shown under a dangerous form when it was refused for want of a recent sign-in.
  const confirmIdentity = (
    <ConfirmIdentity
      methods={methods}
      confirmAction={reauthenticateAction}
      sendLinkAction={sendReauthenticationLinkAction}
    />
  );

  return (
    <div className="grid gap-8">
      <PageHeader
        size="lg"
        title="Your account"
        description={
          <>
            Signed in as{" "}
            <strong className="font-medium text-zinc-900 dark:text-zinc-100">{user.email}</strong>
          </>
        }
      />
      <AccountNotices params={params} />
      <ProfileSection
        user={{ ...user, name: profile.name, avatarUrl: profile.avatarUrl }}
        uploads={storageConfig() !== null}
      />
      <EmailSection hasPassword={user.hasPassword} confirmIdentity={confirmIdentity} />
      {user.hasPassword ? <PasswordSection confirmIdentity={confirmIdentity} /> : null}
      <TwoFactorSection
        enabled={user.twoFactorEnabled}
        recoveryLeft={recoveryLeft}
        confirmIdentity={confirmIdentity}
      />
      <SessionsSection sessions={sessions} current={session.sessionId} />
      <SecurityHistorySection events={history} />
      <ReferralSection url={referralUrl(referralCode)} creditCents={env.REFERRAL_CREDIT_CENTS} />
      <Section
        id="data"
        title="Your data"
        description={`A JSON file with everything ${brand.name} holds about you. We email you a link to it.`}
      >
        <form method="post" action="/api/account/export">
          <button type="submit" className={buttonClassName({ variant: "secondary" })}>
            Email me my data
          </button>
        </form>
      </Section>
      <Section id="sign-out" title="Sign out">
        <form action={signOutAction}>
          <button type="submit" className={buttonClassName({ variant: "secondary" })}>
            Sign out
          </button>
        </form>
      </Section>
      <DeleteAccountSection summary={deletion} confirmIdentity={confirmIdentity} />
    </div>
  );
}
