import { z } from "zod";

const name = z
  .string()
  .trim()
  .min(1, "Give the project a name.")
  .max(100, "Keep the name under 100 characters.");
const description = z
  .string()
  .trim()
  .max(1000, "Keep the description under 1,000 characters.")
  .transform((value) => (value === "" ? null : value))
  .nullable()
  .optional();
const id = z.string().trim().min(1, "Missing project id.").max(64);

export const projectInputSchema = z.strictObject({ name, description });
export const projectUpdateSchema = z.strictObject({ id, name, description });
export const projectIdSchema = z.strictObject({ id });

export const PROJECTS_PAGE_SIZE = 20;

export const projectListSchema = z.strictObject({
  q: z.string().trim().max(100, "Search for at most 100 characters.").optional().default(""),
  page: z.coerce
    .number()
    .int("Pages are whole numbers.")
    .min(1, "Pages start at 1.")
    .max(10_000)
    .optional()
    .default(1),
});

export type ProjectInput = z.infer<typeof projectInputSchema>;
export type ProjectListQuery = z.infer<typeof projectListSchema>;
