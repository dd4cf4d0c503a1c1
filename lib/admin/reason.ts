import { z } from "zod";

// Anything that touches a customer says why; the reason is kept with the audit entry.
export const reasonSchema = z
  .string({ error: "Say why you are doing this." })
  .trim()
  .min(5, "Say why you are doing this (at least 5 characters).")
  .max(500, "Keep the reason under 500 characters.");

export const withReason = <S extends z.ZodRawShape>(shape: S) =>
  z.object({ ...shape, reason: reasonSchema });
