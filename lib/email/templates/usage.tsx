import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";

export type UsageThresholdEmailData = {
  organizationName: string;
  planName: string;
  percent: number;
  calls: number;
  includedCalls: number;
  /** e.g. "$1 per 1,000 calls", or null when the plan has no overage. */
  overagePrice: string | null;
  url: string;
};

const number = new Intl.NumberFormat("en-US");

export function usageThresholdSubject(data: UsageThresholdEmailData): string {
  return `${data.organizationName} has used ${data.percent}% of its API calls`;
}

export function UsageThresholdEmail(data: UsageThresholdEmailData) {
  const used = `${number.format(data.calls)} of the ${number.format(data.includedCalls)} API calls`;
  const beyond = data.overagePrice
    ? `Calls beyond the included amount are billed at ${data.overagePrice}.`
    : "Calls beyond the included amount are not billed on this plan.";
  return (
    <EmailLayout
      preview={`${used} included this month are used.`}
      heading={`${data.percent}% of this month's API calls used`}
      action={{ label: "Review usage", url: data.url }}
      notes={["You get this email once per month at 80% and once at 100%."]}
    >
      <EmailParagraph>
        {`${data.organizationName} has used ${used} its ${data.planName} plan includes this month.`}
      </EmailParagraph>
      <EmailParagraph>{beyond}</EmailParagraph>
    </EmailLayout>
  );
}

export const usageThresholdEmail = defineEmail(UsageThresholdEmail, usageThresholdSubject);
