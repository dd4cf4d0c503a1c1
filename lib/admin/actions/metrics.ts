import "server-only";

import { z } from "zod";
import { staffAction } from "@/lib/actions/chain";
import { recordStaffAudit } from "@/lib/admin/audit";
import { db } from "@/lib/db";
import { addMonths, isMonthKey, monthFromKey, monthStart } from "@/lib/metrics/months";
import { refreshRecentMonths } from "@/lib/metrics/snapshots";
import { recordSpend } from "@/lib/metrics/spend";

const monthSchema = z
  .string({ error: "Choose a month." })
  .trim()
  .refine(isMonthKey, "Choose a month as YYYY-MM.")
  .transform(monthFromKey)
  .refine((month) => month < addMonths(monthStart(new Date()), 1), "That month has not started.");

// Dollars as people type them ("12,500" or "12500.50"), stored in cents.
const amountSchema = z
  .string({ error: "Enter the amount spent." })
  .trim()
  .transform((value) => value.replace(/[$,\s]/g, ""))
  .refine(
    (value) => /^\d{1,9}(\.\d{1,2})?$/.test(value),
    "Enter an amount in dollars, like 12500 or 12500.50.",
  )
  .transform((value) => Math.round(Number(value) * 100));

const spendSchema = z.object({ month: monthSchema, amount: amountSchema });

/** Records (or corrects) a month's sales and marketing spend, which CAC divides. */
export const recordSpendAction = staffAction(
  "admin.metrics.spend",
  spendSchema,
  async (input, ctx) =>
    db.$transaction(async (tx) => {
      const previous = await recordSpend(tx, { ...input, userId: ctx.userId });
      const month = input.month.toISOString().slice(0, 7);
      await recordStaffAudit(tx, ctx, {
        action: "staff.spend_recorded",
        reason: null,
        targetType: "metrics",
        targetId: month,
        metadata: { month, amount: input.amount, previous },
      });
      return { month, amount: input.amount };
    }),
);

/** Recomputes the month in progress and the previous one from the event log now. */
export const recomputeMetricsAction = staffAction(
  "admin.metrics.recompute",
  z.object({}),
  async (_input, ctx) => {
    const months = await refreshRecentMonths();
    await recordStaffAudit(db, ctx, {
      action: "staff.metrics_recomputed",
      reason: null,
      targetType: "metrics",
      targetId: months.at(-1)?.month ?? "",
      metadata: { months: months.map((m) => m.month) },
    });
    return { months: months.map((m) => m.month) };
  },
);
