import { describe, expect, it } from "vitest";
import { money, previewWording } from "@/lib/billing/manage/preview-wording";

const base = {
  currency: "usd",
  amountDue: 48_000,
  dueToday: 0,
  prorations: 0,
  promotion: null,
} as const;

describe("plan change preview wording", () => {
  it("during a trial: nothing today, the invoice on the day the trial ends", () => {
    const words = previewWording({
      ...base,
      due: { on: "trial_end", date: "2026-12-15T09:30:00.000Z" },
    });
    expect(words.today).toBe("Due today: $0.00");
    expect(words.later).toBe("Due on 15 December 2026, when the trial ends: $480.00");
    expect(words.prorations).toBeNull();
    expect(JSON.stringify(words)).not.toMatch(/due now/i);
  });

  it("a change held for the next invoice: nothing today, the prorations named", () => {
    const words = previewWording({
      ...base,
      amountDue: 7_250,
      prorations: 1_250,
      due: { on: "renewal", date: "2027-01-01T00:00:00.000Z" },
    });
    expect(words.today).toBe("Due today: $0.00");
    expect(words.later).toBe("Due on 1 January 2027, the next billing date: $72.50");
    expect(words.prorations).toBe(
      "Includes $12.50 of prorated charges for the rest of the current period.",
    );
  });

  it("a credit reads as a credit", () => {
    const words = previewWording({
      ...base,
      prorations: -600,
      due: { on: "renewal", date: "2027-01-01T00:00:00.000Z" },
    });
    expect(words.prorations).toBe(
      "Includes −$6.00 of prorated credit for the rest of the current period.",
    );
  });

  it("an interval change is invoiced at once: the whole amount is due today", () => {
    const words = previewWording({
      ...base,
      amountDue: 11_000,
      dueToday: 11_000,
      prorations: -1_000,
      due: { on: "now" },
    });
    expect(words.today).toBe("Due today: $110.00");
    expect(words.later).toBeNull();
  });

  it("names the promotion code and what it takes off", () => {
    const words = previewWording({
      ...base,
      promotion: { code: "WELCOME20", summary: "20% off for 3 months", amountOff: 9_600 },
      due: { on: "trial_end", date: "2026-12-15T00:00:00.000Z" },
    });
    expect(words.promotion).toBe("Promotion code WELCOME20 (20% off for 3 months): −$96.00");
  });

  it("money always shows cents and the currency", () => {
    expect(money(0, "usd")).toBe("$0.00");
    expect(money(123_456, "usd")).toBe("$1,234.56");
    expect(money(500, "eur")).toBe("€5.00");
  });
});
