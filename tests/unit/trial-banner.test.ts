import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TrialBanner } from "@/components/billing/trial-banner";
import type { TrialTimeLeft } from "@/lib/billing/trial/days-left";

type Left = Exclude<TrialTimeLeft, { kind: "ended" }>;

const render = (canManageBilling: boolean, left: Left = { kind: "days", days: 5 }) =>
  renderToStaticMarkup(createElement(TrialBanner, { left, planName: "Pro", canManageBilling }));

describe("the trial banner", () => {
  it("links those who manage billing to the billing page", () => {
    const html = render(true);
    expect(html).toContain("Pro trial: 5 days left");
    expect(html).toContain('href="/settings/billing"');
    expect(html).toContain(">choose a plan</a>");
  });

  it("informs everyone else, without a link they could not follow", () => {
    const html = render(false);
    expect(html).toContain(
      "Pro trial: 5 days left. An owner can choose a plan on the billing page.",
    );
    expect(html).not.toContain("<a");
  });

  it("is a polite status, never an alert", () => {
    const html = render(false, { kind: "less-than-a-day" });
    expect(html).toContain('role="status"');
    expect(html).not.toContain('role="alert"');
    expect(html).toContain("less than a day left");
  });
});
