import { renderEmail, type RenderedEmail } from "./layout";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export type TrialStartedEmailData = {
  organizationName: string;
  planName: string;
  trialEndsAt: Date;
  url: string;
};

export function trialStartedEmail(data: TrialStartedEmailData): RenderedEmail {
  const when = dateFormat.format(data.trialEndsAt);
  return renderEmail(`Your ${data.planName} trial for ${data.organizationName} has started`, {
    preview: `Everything in ${data.planName} is open to ${data.organizationName} until ${when}.`,
    heading: `Welcome to your ${data.planName} trial`,
    paragraphs: [
      `${data.organizationName} can use everything in the ${data.planName} plan until ${when}. Nothing is charged before then.`,
      "When the trial ends, the subscription continues with the payment method on file. Review the plan and the number of seats on the billing page at any time.",
    ],
    action: { label: "Review billing", url: data.url },
    notes: ["To stay on the Free plan instead, cancel on the billing page before the trial ends."],
  });
}

export type TrialEndedEmailData = {
  organizationName: string;
  planName: string;
  url: string;
};

export function trialEndedEmail(data: TrialEndedEmailData): RenderedEmail {
  return renderEmail(`The ${data.planName} trial of ${data.organizationName} has ended`, {
    preview: `No payment was received when the trial ended. Choose a plan to keep ${data.planName} features.`,
    heading: "Your trial has ended",
    paragraphs: [
      `The ${data.planName} trial of ${data.organizationName} ended without a payment.`,
      `Add a payment method or choose a plan on the billing page to keep ${data.planName} features; otherwise ${data.organizationName} moves to the limits of the Free plan. No data is deleted.`,
    ],
    action: { label: "Choose a plan", url: data.url },
  });
}
