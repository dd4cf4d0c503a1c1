import { brand } from "@/brand.config";
import { formatAmount, planIds, plans } from "@/lib/billing/plans/plans";
import { socialImageSize } from "@/components/shell/link-preview";
import { socialImage } from "../_components/social-image";

export const alt = `${brand.name} pricing: ${planIds.map((id) => plans[id].name).join(", ")}`;
export const size = socialImageSize;
export const contentType = "image/png";

const trialDays = Math.max(...planIds.map((id) => plans[id].trialDays));

/** The plans as /pricing shows them, from the same configuration. */
export default function PricingImage() {
  return socialImage({
    title: "Pricing",
    lead: `Start free. Paid plans are per member, with a ${trialDays}-day trial.`,
    children: (
      <div style={{ display: "flex", gap: 24, marginTop: 36 }}>
        {planIds.map((id) => {
          const plan = plans[id];
          return (
            <div
              key={id}
              style={{
                display: "flex",
                flexDirection: "column",
                flexGrow: 1,
                flexBasis: 0,
                padding: "20px 28px",
                border: `2px solid ${plan.prices ? brand.colors.accent : "#e4e4e7"}`,
                borderRadius: 16,
              }}
            >
              <span style={{ fontSize: 28, fontWeight: 600 }}>{plan.name}</span>
              <span style={{ marginTop: 6, fontSize: 26, color: "#52525b" }}>
                {plan.prices
                  ? `${formatAmount(plan.prices.month.amount)} / member / month`
                  : formatAmount(0)}
              </span>
            </div>
          );
        })}
      </div>
    ),
  });
}
