import type { Metadata } from "next";
import Link from "next/link";
import { brand } from "@/brand.config";
import { plans } from "@/lib/billing/plans/plans";
import {
  LegalDocument,
  LegalSection,
  SupportAddress,
  siteHost,
} from "../_components/legal-document";

export const metadata: Metadata = {
  title: "Terms of service",
  description: `The terms for using ${brand.name}: accounts, acceptable use and billing.`,
};

const trialDays = Math.max(...Object.values(plans).map((plan) => plan.trialDays));

/** A template: the terms a forking team starts from (see the notice at the top). */
export default function TermsPage() {
  const operator = brand.legal.companyName;
  return (
    <LegalDocument
      title="Terms of service"
      summary={`These terms apply when you use ${brand.name} at ${siteHost} and its subdomains. By creating an account you accept them.`}
    >
      <LegalSection id="service" title="1. The service">
        <p>
          {brand.name} is a web application operated by {operator} (“we”). It lets you create an
          account, set up organizations, invite members with roles, work on projects, keep an audit
          log of what happens in each organization and reach its data through an API.
        </p>
        <p>
          We may change, add or remove features. When a change takes away something a paid plan
          includes, we tell the organization’s owners by email beforehand.
        </p>
      </LegalSection>

      <LegalSection id="accounts" title="2. Accounts and organizations">
        <ul>
          <li>
            An account is for one person. Give an email address you can read: we send sign-in links,
            security notices and billing emails there.
          </li>
          <li>
            Keep your password and second factor to yourself. You are responsible for what happens
            through your account; tell us at once at <SupportAddress /> if you think someone else is
            using it.
          </li>
          <li>
            An organization belongs to its owners. They decide who is a member and with which role,
            and they are responsible for their members’ use of it.
          </li>
          <li>
            You can delete your account from your{" "}
            <Link href="/account#delete">account settings</Link>, and an owner can delete an
            organization from its settings, at any time.
          </li>
        </ul>
      </LegalSection>

      <LegalSection id="acceptable-use" title="3. Acceptable use">
        <p>Do not use {brand.name} to:</p>
        <ul>
          <li>break the law or infringe anyone’s rights, including their privacy;</li>
          <li>store or send malware, spam or content you have no right to share;</li>
          <li>
            get into accounts, organizations or data that are not yours, or probe, scan or test the
            service’s security without our written permission;
          </li>
          <li>
            overload the service, get around its rate limits or plan limits, or resell it without an
            agreement with us.
          </li>
        </ul>
        <p>
          We may suspend an account or an organization that breaks these rules. Unless the law or
          safety requires otherwise, we tell its owners why and give them a chance to fix it.
        </p>
      </LegalSection>

      <LegalSection id="billing" title="4. Plans, payment and billing">
        <ul>
          <li>
            The plans and their prices are on the <Link href="/pricing">pricing page</Link>. Paid
            plans are charged per member of the organization, monthly or yearly, in advance.
          </li>
          <li>
            Paid plans start with a {trialDays}-day trial. The card added at checkout is charged
            when the trial ends, unless the subscription was canceled before.
          </li>
          <li>
            Payments are processed by Stripe. We never see or store your full card number; Stripe’s
            own terms apply to the payment.
          </li>
          <li>
            A subscription renews until an owner cancels it from the organization’s billing
            settings; it then ends at the close of the period already paid. Adding or removing
            members changes the next invoice, prorated.
          </li>
          <li>
            When a payment fails, owners are told by email. If it is still unpaid after a grace
            period, the organization becomes read-only until the invoice is paid.
          </li>
          <li>Prices may change; we announce it by email at least 30 days before it applies.</li>
        </ul>
      </LegalSection>

      <LegalSection id="your-data" title="5. Your data">
        <p>
          What you put into {brand.name} stays yours. We use it only to run the service for you, as
          the <Link href="/privacy">privacy policy</Link> describes. You can download your account’s
          data at any time from your account settings.
        </p>
      </LegalSection>

      <LegalSection id="ending" title="6. Ending">
        <p>
          You may stop using {brand.name} and delete your account at any time. We may end these
          terms for an account or organization that seriously or repeatedly breaks them. Deleting an
          organization cancels its subscription first.
        </p>
      </LegalSection>

      <LegalSection id="liability" title="7. Warranty and liability">
        <p>
          We work to keep {brand.name} available and your data safe, but we provide it “as is”,
          without warranties beyond those the law requires. To the extent the law allows, our
          liability is limited to what your organization paid us in the twelve months before the
          claim.
        </p>
      </LegalSection>

      <LegalSection id="changes" title="8. Changes to these terms">
        <p>
          When we change these terms in a way that matters, we email account holders before the
          change applies. Using the service after that date means accepting the new terms.
        </p>
      </LegalSection>

      <LegalSection id="contact" title="9. Contact">
        <p>
          Questions about these terms: write to {operator} at <SupportAddress />.
        </p>
      </LegalSection>
    </LegalDocument>
  );
}
