import { z } from "zod";

// Handlers validate with these and the OpenAPI document is built from them: they cannot drift.

const projectName = z.string().trim().min(1).max(100);
const projectDescription = z.string().trim().max(1000).nullable();

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const projectListSchema = z.object({
  data: z.array(projectSchema),
  nextCursor: z.string().nullable(),
});

export const projectListQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().default(20),
  name: z.string().trim().max(100).optional(),
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
  plan: z.string(),
});

export const memberSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  role: z.enum(["OWNER", "ADMIN", "MEMBER"]),
  joinedAt: z.iso.datetime(),
});

export const memberListSchema = z.object({ data: z.array(memberSchema) });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
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
