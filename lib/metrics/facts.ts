import { z } from "zod";

/** Money in cents, counts of organizations. */
export const monthFactsSchema = z.object({
  version: z.literal(1),
  month: z.string(),
  startMrr: z.number().int(),
  mrr: z.number().int(),
  /** Magnitudes: startMrr + new + reactivation + expansion - contraction - churned = mrr. */
  movements: z.object({
    new: z.number().int(),
    reactivation: z.number().int(),
    expansion: z.number().int(),
    contraction: z.number().int(),
    churned: z.number().int(),
  }),
  customers: z.object({
    atStart: z.number().int(),
    paying: z.number().int(),
    new: z.number().int(),
    reactivated: z.number().int(),
    churned: z.number().int(),
  }),
  trials: z.object({ ended: z.number().int(), converted: z.number().int() }),
  /** Organizations on an active comp at the month's end: counted apart, never as revenue. */
  complimentary: z.number().int(),
});

export type MonthFacts = z.infer<typeof monthFactsSchema>;
export type Movement = keyof MonthFacts["movements"];

export const movementNames: readonly Movement[] = [
  "new",
  "reactivation",
  "expansion",
  "contraction",
  "churned",
];

export function netMovement({ movements: m }: MonthFacts): number {
  return m.new + m.reactivation + m.expansion - m.contraction - m.churned;
}
