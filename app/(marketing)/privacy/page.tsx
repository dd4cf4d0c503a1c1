import type { Metadata } from "next";
import Link from "next/link";
import { brand } from "@/brand.config";
import { sessionPolicy } from "@/lib/auth/session-store";
import { planIds, plans } from "@/lib/billing/plans/plans";
import { retention } from "@/lib/retention/purge";
import {
  LegalDocument,
  LegalSection,
  SupportAddress,
  siteHost,
} from "../_components/legal-document";

export const metadata: Metadata = {
  title: "Privacy policy",
  description: `What ${brand.name} stores about you, who processes it, how long it is kept and your rights.`,
};

const DAY_MS = 24 * 60 * 60 * 1000;

function duration(days: number): string {
  if (days % 365 === 0) return days === 365 ? "1 year" : `${days / 365} years`;
  return `${days} days`;
}

// Read from the code that enforces them, so the policy follows a change of retention.
const auditRetention = planIds
  .map((id) => `${plans[id].name}: ${duration(plans[id].auditRetentionDays)}`)
  .join(", ");

/** A template: the privacy policy a forking team starts from (see the notice at the top). */
export default function PrivacyPage() {
  const operator = brand.legal.companyName;
  return (
    <LegalDocument
      title="Privacy policy"
      summary={`What ${brand.name} at ${siteHost} stores about you and your organizations, why, who helps us process it, how long we keep it, and how to get it or have it deleted.`}
    >
      <LegalSection id="who" title="1. Who we are">
        <p>
          {brand.name} is operated by {operator}, the controller of the personal data described
          here. Write to us at <SupportAddress /> about anything in this policy.
        </p>
      </LegalSection>

      <LegalSection id="data" title="2. What we store">
        <ul>
          <li>
            <strong>Account data</strong>: your name, email address, a hash of your password (never
            the password itself), your two-factor secret (encrypted) and recovery codes (hashed),
            and the GitHub or Google account you sign in with, if any.
          </li>
          <li>
            <strong>Sessions</strong>: for each signed-in browser, when it signed in and was last
            used, its IP address and its user agent, so you can see and end your sessions.
          </li>
          <li>
            <strong>Organization data</strong>: each organization’s name and address, its members
            and their roles, invitations (with the invited email address), its projects, its API
            keys (stored hashed) and how many API calls it made.
          </li>
          <li>
            <strong>Audit log</strong>: who did what and when in an organization or an account
            (sign-ins, failed sign-ins, security changes, member and billing changes), with the IP
            address and user agent of the request.
          </li>
          <li>
            <strong>Billing</strong>: the organization’s plan, subscription status, number of seats
            and billing history. Card details are held by Stripe, not by us.
          </li>
          <li>
            <strong>Emails</strong>: the messages we send you (confirmations, sign-in links,
            invitations, security and billing notices), queued until they are delivered.
          </li>
        </ul>
        <p>
          {brand.name} uses no analytics or advertising trackers. Its cookies keep you signed in and
          carry a sign-in or sign-up step from one page to the next; none is used to follow you
          elsewhere.
        </p>
      </LegalSection>

      <LegalSection id="processors" title="3. Who processes it for us">
        <ul>
          <li>
            <strong>Stripe</strong> processes payments: the billing email, card details and invoices
            of organizations on a paid plan.
          </li>
          <li>
            <strong>Resend</strong> delivers our emails: your address and the message.
          </li>
          <li>
            <strong>Sentry</strong>, when error reporting is turned on, receives reports of errors
            in the application, with the ids of the signed-in user and organization; values that
            look like secrets are removed before they are sent.
          </li>
          <li>
            Our hosting and database providers store all of the above on our behalf. [List them,
            with the countries their servers are in.]
          </li>
        </ul>
        <p>We sell no personal data and share it with no one else, unless the law requires it.</p>
      </LegalSection>

      <LegalSection id="retention" title="4. How long we keep it">
        <ul>
          <li>
            Sessions end after {sessionPolicy.idleMs / DAY_MS} days without use and at most{" "}
            {sessionPolicy.absoluteMs / DAY_MS} days after signing in, or when you sign out or end
            them; ended sessions are then deleted.
          </li>
          <li>
            Links sent by email (confirmation, password reset, sign-in) expire after 15 minutes and
            are deleted after that. A data export can be downloaded for 24 hours, then it is
            deleted.
          </li>
          <li>
            Audit entries of an organization are kept as long as its plan says ({auditRetention}); a
            canceled subscription falls back to the {plans.free.name} plan’s period. Entries about
            your account (sign-ins, security changes) are kept while the account exists.
          </li>
          <li>
            Background jobs, such as queued emails, are deleted {retention.finishedJobsDays} days
            after they finish. Records of processed Stripe events are deleted after{" "}
            {retention.stripeEventIdsDays} days; the billing history is kept for accounting.
          </li>
          <li>Account and organization data are kept until you delete them, as described below.</li>
        </ul>
      </LegalSection>

      <LegalSection id="rights" title="5. Your rights">
        <ul>
          <li>
            <strong>Access and portability</strong>: “Download my data” in your{" "}
            <Link href="/account">account settings</Link> builds an export of your account and
            emails you a link to it.
          </li>
          <li>
            <strong>Correction</strong>: change your name and email address in your account
            settings.
          </li>
          <li>
            <strong>Deletion</strong>: “Delete account” in your account settings removes your
            account, its sessions and memberships, and the organizations you are the only member of.
            The audit entries about what you did stay, without your IP address or user agent. An
            owner can delete an organization with all its data.
          </li>
          <li>
            For anything else, including objecting to processing or a complaint, write to{" "}
            <SupportAddress />. You may also complain to your data protection authority.
          </li>
        </ul>
      </LegalSection>

      <LegalSection id="changes" title="6. Changes to this policy">
        <p>
          When we change this policy in a way that matters, we email account holders before the
          change applies. Questions: <SupportAddress />.
        </p>
      </LegalSection>
    </LegalDocument>
  );
}
