import { z } from "zod";
import {
  createProjectSchema,
  memberListSchema,
  organizationSchema,
  projectListQuerySchema,
  projectListSchema,
  projectSchema,
  updateProjectSchema,
} from "@/lib/api/v1/schemas";

// The one list of /api/v1 operations: the document, the reference page and the contract test
// (which checks it against the route files under app/api/v1) all read it.

export const httpMethods = ["get", "post", "put", "patch", "delete"] as const;
export type HttpMethod = (typeof httpMethods)[number];

export type ProblemStatus = 400 | 401 | 402 | 403 | 404 | 409 | 422 | 429 | 500 | 503;

export type ApiOperation = {
  method: HttpMethod;
  /** OpenAPI style: `{id}` where the route folder says `[id]`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  /** The key scope the call needs; absent on public operations (no key at all). */
  scope?: string;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  /** Descriptions of path and query parameters, by name. */
  parameterDocs?: Record<string, string>;
  body?: { schema: z.ZodType; example: unknown };
  /** POST operations that replay their first response for a repeated Idempotency-Key. */
  idempotent?: boolean;
  success: { status: 200 | 201 | 204; description: string; schema?: z.ZodType };
  problems: readonly ProblemStatus[];
};

// Every keyed call can fail on the request (400), the key (401), the plan (402), the scope
// (403), an object of another organization (404), the rate limits (429), and on our side.
const keyed = [400, 401, 402, 403, 404, 429, 500, 503] as const;

const projectIdParams = z.strictObject({ id: z.string().min(1) });
const projectIdDoc = { id: "The project's id." };

export const openApiDocumentSchema = z
  .looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) })
  .describe("An OpenAPI 3.1 document.");

export const apiOperations: readonly ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/projects",
    operationId: "listProjects",
    tag: "Projects",
    summary: "List projects",
    description:
      "The organization's projects, newest first (ties broken by id), a page at a time. " +
      "Follow `nextCursor` until it is null.",
    scope: "projects:read",
    query: projectListQuerySchema,
    parameterDocs: {
      cursor: "The `nextCursor` of the previous page.",
      limit: "Page size, 1 to 100.",
      name: "Only projects whose name contains this text (case-insensitive).",
    },
    success: { status: 200, description: "A page of projects.", schema: projectListSchema },
    problems: keyed,
  },
  {
    method: "post",
    path: "/api/v1/projects",
    operationId: "createProject",
    tag: "Projects",
    summary: "Create a project",
    description:
      "Creates a project. Send an `Idempotency-Key` to retry safely: the same key with the " +
      "same body within 24 hours replays the first response and creates nothing.",
    scope: "projects:write",
    body: {
      schema: createProjectSchema,
      example: { name: "Website redesign", description: "Q3 launch" },
    },
    idempotent: true,
    success: { status: 201, description: "The created project.", schema: projectSchema },
    problems: [...keyed, 409, 422],
  },
  {
    method: "get",
    path: "/api/v1/projects/{id}",
    operationId: "getProject",
    tag: "Projects",
    summary: "Get a project",
    description: "One project of the organization; 404 for an id of another organization.",
    scope: "projects:read",
    pathParams: projectIdParams,
    parameterDocs: projectIdDoc,
    success: { status: 200, description: "The project.", schema: projectSchema },
    problems: keyed,
  },
  {
    method: "patch",
    path: "/api/v1/projects/{id}",
    operationId: "updateProject",
    tag: "Projects",
    summary: "Update a project",
    description: "Changes the fields present in the body; a null `description` clears it.",
    scope: "projects:write",
    pathParams: projectIdParams,
    parameterDocs: projectIdDoc,
    body: { schema: updateProjectSchema, example: { name: "Website relaunch" } },
    success: { status: 200, description: "The updated project.", schema: projectSchema },
    problems: keyed,
  },
  {
    method: "delete",
    path: "/api/v1/projects/{id}",
    operationId: "deleteProject",
    tag: "Projects",
    summary: "Delete a project",
    description: "Deletes the project for good.",
    scope: "projects:write",
    pathParams: projectIdParams,
    parameterDocs: projectIdDoc,
    success: { status: 204, description: "Deleted; no body." },
    problems: keyed,
  },
  {
    method: "get",
    path: "/api/v1/organization",
    operationId: "getOrganization",
    tag: "Organization",
    summary: "Get the organization",
    description: "The organization the key belongs to, and its plan.",
    scope: "organization:read",
    success: { status: 200, description: "The organization.", schema: organizationSchema },
    problems: keyed,
  },
  {
    method: "get",
    path: "/api/v1/members",
    operationId: "listMembers",
    tag: "Organization",
    summary: "List members",
    description: "The organization's members and their roles (read-only).",
    scope: "members:read",
    success: { status: 200, description: "The members.", schema: memberListSchema },
    problems: keyed,
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Meta",
    summary: "This document",
    description: "The OpenAPI 3.1 document of /api/v1. Public: no key needed.",
    success: { status: 200, description: "The document.", schema: openApiDocumentSchema },
    problems: [],
  },
];
