import { z } from "zod";
import { slugProblem } from "@/lib/tenancy/slug";

const name = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(64, "Keep the name under 64 characters.");

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .superRefine((value, ctx) => {
    const problem = slugProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

// A checkbox: present ("on") when ticked, absent otherwise.
const sampleProjects = z
  .union([z.literal("on"), z.literal(true)], { error: "Tick the box or leave it empty." })
  .optional()
  .transform((value) => value !== undefined);

export const createOrganizationSchema = z.strictObject({ name, slug, sampleProjects });
export const updateOrganizationSchema = z.strictObject({ name });
export const deleteOrganizationSchema = z.strictObject({
  confirmSlug: z.string().trim().min(1, "Type the organization’s address to confirm."),
});
export const transferOwnershipSchema = z.strictObject({
  membershipId: z.string().trim().min(1, "Choose the member who becomes the owner.").max(64),
});

export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;
