import { renderEmail, type RenderedEmail } from "./layout";

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

export function usageThresholdEmail(data: UsageThresholdEmailData): RenderedEmail {
  const used = `${number.format(data.calls)} of the ${number.format(data.includedCalls)} API calls`;
  const beyond = data.overagePrice
    ? `Calls beyond the included amount are billed at ${data.overagePrice}.`
    : "Calls beyond the included amount are not billed on this plan.";
  return renderEmail(`${data.organizationName} has used ${data.percent}% of its API calls`, {
    preview: `${used} included this month are used.`,
    heading: `${data.percent}% of this month's API calls used`,
    paragraphs: [
      `${data.organizationName} has used ${used} its ${data.planName} plan includes this month.`,
      beyond,
    ],
    action: { label: "Review usage", url: data.url },
    notes: ["You get this email once per month at 80% and once at 100%."],
  });
}
