import { z } from "zod";
import { apiKeyScopes } from "./scopes";

const id = z.string().trim().min(1, "Missing key id.").max(64);
const scopes = z
  .array(z.enum(apiKeyScopes, "Choose scopes from the list."))
  .min(1, "Choose at least one scope.")
  .transform((list) => [...new Set(list)]);

const DAY_MS = 24 * 60 * 60 * 1000;

export const createApiKeySchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "Give the key a name.")
    .max(60, "Keep the name under 60 characters."),
  scopes,
  // A date input's value; the key stops working at the end of that day (UTC).
  expiresOn: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00.000Z`) : null;
      if (!day || Number.isNaN(day.getTime())) {
        ctx.addIssue({ code: "custom", message: "Enter a date." });
        return z.NEVER;
      }
      const end = new Date(day.getTime() + DAY_MS);
      if (end.getTime() <= Date.now()) {
        ctx.addIssue({ code: "custom", message: "Choose a date in the future." });
        return z.NEVER;
      }
      return end;
    }),
});

export const apiKeyIdSchema = z.strictObject({ id });
export const apiKeyScopesSchema = z.strictObject({ id, scopes });
