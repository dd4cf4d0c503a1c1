import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export type TrialEndingEmailData = {
  organizationName: string;
  planName: string;
  trialEndsAt: Date;
  url: string;
};

export function trialEndingSubject(data: TrialEndingEmailData): string {
  const when = dateFormat.format(data.trialEndsAt);
  return `Your ${data.planName} trial for ${data.organizationName} ends on ${when}`;
}

export function TrialEndingEmail(data: TrialEndingEmailData) {
  const when = dateFormat.format(data.trialEndsAt);
  return (
    <EmailLayout
      preview={`After ${when} the ${data.planName} plan is billed to the card on file.`}
      heading="Your trial ends soon"
      action={{ label: "Review billing", url: data.url }}
      notes={[
        "To stay on the Free plan instead, cancel on the billing page before the trial ends.",
      ]}
    >
      <EmailParagraph>
        {`The ${data.planName} trial of ${data.organizationName} ends on ${when}.`}
      </EmailParagraph>
      <EmailParagraph>
        If a payment method is on file, the subscription continues without interruption and the
        first invoice is charged then. Otherwise, add one on the billing page to keep your plan.
      </EmailParagraph>
    </EmailLayout>
  );
}

export const trialEndingEmail = defineEmail(TrialEndingEmail, trialEndingSubject);

export type PaymentFailedEmailData = {
  organizationName: string;
  amount: string;
  readOnlyFrom: Date | null;
  url: string;
};

export function paymentFailedSubject(data: PaymentFailedEmailData): string {
  return `Payment failed for ${data.organizationName}`;
}

export function PaymentFailedEmail(data: PaymentFailedEmailData) {
  const deadline = data.readOnlyFrom
    ? `If it is still unpaid on ${dateFormat.format(data.readOnlyFrom)}, ${data.organizationName} becomes read-only until it is paid. No data is deleted.`
    : `Until it is paid, ${data.organizationName} may become read-only. No data is deleted.`;
  return (
    <EmailLayout
      preview={`We could not charge ${data.amount}. Update the payment method to keep working.`}
      heading="We could not take your payment"
      action={{ label: "Update payment method", url: data.url }}
      notes={["Stripe will retry the charge automatically over the next days."]}
    >
      <EmailParagraph>
        {`The latest invoice of ${data.organizationName} (${data.amount}) could not be charged.`}
      </EmailParagraph>
      <EmailParagraph>{deadline}</EmailParagraph>
    </EmailLayout>
  );
}

export const paymentFailedEmail = defineEmail(PaymentFailedEmail, paymentFailedSubject);

export type PaymentActionRequiredEmailData = {
  organizationName: string;
  amount: string;
  /** Stripe's hosted confirmation page, not the billing page. */
  url: string;
};

export function paymentActionRequiredSubject(data: PaymentActionRequiredEmailData): string {
  return `Confirm the payment for ${data.organizationName}`;
}

export function PaymentActionRequiredEmail(data: PaymentActionRequiredEmailData) {
  return (
    <EmailLayout
      preview={`Your bank asks you to confirm a payment of ${data.amount}.`}
      heading="Your bank needs a confirmation"
      action={{ label: "Confirm payment", url: data.url }}
      notes={["Until it is confirmed the invoice stays open."]}
    >
      <EmailParagraph>
        {`The payment of ${data.amount} for ${data.organizationName} needs an extra confirmation from the card holder (for example 3-D Secure).`}
      </EmailParagraph>
    </EmailLayout>
  );
}

export const paymentActionRequiredEmail = defineEmail(
  PaymentActionRequiredEmail,
  paymentActionRequiredSubject,
);
