import { z } from "zod";
import { planIds } from "@/lib/billing/plans/plans";

// The bodies /api/v1 accepts and returns; the OpenAPI document is generated from these.

const projectName = z
  .string()
  .trim()
  .min(1, "Give the project a name.")
  .max(100, "Keep the name under 100 characters.");
const projectDescription = z
  .string()
  .trim()
  .max(1000, "Keep the description under 1,000 characters.")
  // An empty string clears the description.
  .transform((value) => (value === "" ? null : value))
  .nullable();

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const projectListSchema = z.object({
  data: z.array(projectSchema),
  nextCursor: z
    .string()
    .nullable()
    .describe("Pass as `cursor` to get the next page; null on the last page."),
});

export const projectListQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(200).optional().describe("The `nextCursor` of the previous page."),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Page size, 1 to 100."),
  name: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe("Only projects whose name contains this text (case-insensitive)."),
});

export const projectIdParamsSchema = z.strictObject({
  id: z.string().min(1).max(64).describe("The project's id."),
});

export const createProjectSchema = z.strictObject({
  name: projectName,
  description: projectDescription.optional(),
});

export const updateProjectSchema = z.strictObject({
  name: projectName.optional(),
  description: projectDescription.optional(),
});

export const organizationSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  plan: z.enum(planIds),
});

export const memberSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  role: z.enum(["OWNER", "ADMIN", "MEMBER"]),
  joinedAt: z.iso.datetime(),
});

export const memberListSchema = z.object({ data: z.array(memberSchema) });

// RFC 9457 problem details, with a stable machine code and the request id; the RFC allows
// extension members (a 422 may list the failing fields).
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  code: z.string(),
  requestId: z.string(),
});

export type Project = z.infer<typeof projectSchema>;
export type ProjectList = z.infer<typeof projectListSchema>;
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;
export type CreateProject = z.infer<typeof createProjectSchema>;
export type UpdateProject = z.infer<typeof updateProjectSchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type MemberList = z.infer<typeof memberListSchema>;
export type Problem = z.infer<typeof problemSchema>;
