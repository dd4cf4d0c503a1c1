import { z } from "zod";
import { brand } from "@/brand.config";
import {
  createProjectSchema,
  memberListSchema,
  memberSchema,
  organizationSchema,
  problemSchema,
  projectListSchema,
  projectSchema,
  updateProjectSchema,
} from "@/lib/api/v1/schemas";
import { apiOperations, openApiDocumentSchema, type ApiOperation } from "./routes";

export type JsonSchema = { [key: string]: unknown };

export type OpenApiParameter = {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
};

export type OpenApiMediaType = { schema: JsonSchema; example?: unknown };

export type OpenApiResponse = {
  description: string;
  headers?: Record<string, { $ref: string } | { description: string; schema: JsonSchema }>;
  content?: Record<string, OpenApiMediaType>;
};

export type OpenApiOperation = {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  security: Array<Record<string, string[]>>;
  parameters: Array<OpenApiParameter | { $ref: string }>;
  requestBody?: { required: true; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse>;
  "x-scope"?: string;
};

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string; description: string }>;
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
    headers: Record<string, { description: string; schema: JsonSchema }>;
    parameters: Record<string, OpenApiParameter>;
  };
};

const schemaRef = (id: string) => `#/components/schemas/${id}`;

// Responses are converted as the handlers produce them, bodies as clients send them (before
// trims and defaults), so each side gets its own registry.
const responseSchemas = {
  Project: projectSchema,
  ProjectList: projectListSchema,
  Organization: organizationSchema,
  Member: memberSchema,
  MemberList: memberListSchema,
  // RFC 9457 allows extension members: a 400 names each failing field.
  Problem: problemSchema.extend({
    errors: z
      .record(z.string(), z.string())
      .optional()
      .describe("The message for each field that failed validation, by field path."),
  }),
  OpenApiDocument: openApiDocumentSchema,
};
const requestSchemas = { CreateProject: createProjectSchema, UpdateProject: updateProjectSchema };

function registryOf(schemas: Record<string, z.ZodType>) {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  return registry;
}

const outputRegistry = registryOf(responseSchemas);
const inputRegistry = registryOf(requestSchemas);

// Components are addressed by their place in the document, not by zod's fragment $id.
function withoutDialect({ $schema: _dialect, $id: _id, ...schema }: JsonSchema): JsonSchema {
  return schema;
}

function componentsOf(registry: z.core.$ZodRegistry<{ id: string }>, io: "input" | "output") {
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io, uri: schemaRef });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => [id, withoutDialect(schema as JsonSchema)]),
  );
}

function refOrInline(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const id = (io === "input" ? inputRegistry : outputRegistry).get(schema)?.id;
  if (id) return { $ref: schemaRef(id) };
  return withoutDialect(z.toJSONSchema(schema, { target: "draft-2020-12", io }) as JsonSchema);
}

function parametersOf(
  shape: z.ZodObject | undefined,
  location: "path" | "query",
  docs: Record<string, string> = {},
) {
  if (!shape) return [];
  return Object.entries(shape.shape).map(([name, field]): OpenApiParameter => {
    const schema = withoutDialect(
      z.toJSONSchema(field as z.ZodType, { target: "draft-2020-12", io: "input" }) as JsonSchema,
    );
    const description = docs[name];
    return {
      name,
      in: location,
      required: location === "path" || !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema,
    };
  });
}

const problemTitles: Record<number, string> = {
  400: "The body is not a JSON object, or the body or query fails validation (see `errors`).",
  401: "No key, or the key is unknown, revoked, expired or mistyped.",
  402: "The organization's plan does not include API access, or a plan limit is reached.",
  403: "The key lacks the scope this operation needs.",
  404: "Nothing with this id in the key's organization.",
  409: "A request with the same Idempotency-Key is still running; retry shortly.",
  422: "The Idempotency-Key was already used with a different request.",
  429: "The key's or the organization's rate limit is exhausted; retry after Retry-After.",
  500: "Something failed on our side; quote the request id.",
  503: "A dependency is unavailable; retry after Retry-After.",
};

const requestIdHeader = { $ref: "#/components/headers/X-Request-Id" };
const rateLimitHeaders = {
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
};

const extraProblemHeaders: Record<number, Record<string, { $ref: string }>> = {
  401: { "WWW-Authenticate": { $ref: "#/components/headers/WWW-Authenticate" } },
  429: { "Retry-After": { $ref: "#/components/headers/Retry-After" } },
  503: { "Retry-After": { $ref: "#/components/headers/Retry-After" } },
};

function operationOf(operation: ApiOperation): OpenApiOperation {
  const keyed = operation.scope !== undefined;
  const headers = { "X-Request-Id": requestIdHeader, ...(keyed ? rateLimitHeaders : {}) };
  const { success } = operation;
  const responses: Record<string, OpenApiResponse> = {
    [success.status]: {
      description: success.description,
      headers: operation.idempotent
        ? {
            ...headers,
            "Idempotency-Replayed": { $ref: "#/components/headers/Idempotency-Replayed" },
          }
        : headers,
      ...(success.schema
        ? { content: { "application/json": { schema: refOrInline(success.schema, "output") } } }
        : {}),
    },
  };
  for (const status of operation.problems) {
    responses[status] = {
      description: problemTitles[status] ?? "Problem.",
      headers: { ...headers, ...extraProblemHeaders[status] },
      content: { "application/problem+json": { schema: { $ref: schemaRef("Problem") } } },
    };
  }
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: keyed
      ? `${operation.description}\n\nNeeds a key with the \`${operation.scope}\` scope.`
      : operation.description,
    security: keyed ? [{ bearerAuth: [] }] : [],
    parameters: [
      ...parametersOf(operation.pathParams, "path", operation.parameterDocs),
      ...parametersOf(operation.query, "query", operation.parameterDocs),
      ...(operation.idempotent ? [{ $ref: "#/components/parameters/Idempotency-Key" }] : []),
    ],
    ...(operation.body
      ? {
          requestBody: {
            required: true as const,
            content: {
              "application/json": {
                schema: refOrInline(operation.body.schema, "input"),
                example: operation.body.example,
              },
            },
          },
        }
      : {}),
    responses,
    ...(keyed ? { "x-scope": operation.scope } : {}),
  };
}

function buildDocument(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of apiOperations) {
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: operationOf(operation),
    };
  }
  const integer = { type: "integer", minimum: 0 };
  return {
    openapi: "3.1.0",
    info: {
      title: `${brand.name} API`,
      version: "1",
      description:
        "The JSON API of an organization, for scripts and backends. Authenticate with an " +
        "organization API key (Settings → API keys) as `Authorization: Bearer <key>`. " +
        "Errors are RFC 9457 `application/problem+json` with a stable `code`.",
    },
    servers: [{ url: "/", description: "The app this document was served by." }],
    tags: [...new Set(apiOperations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        ...componentsOf(outputRegistry, "output"),
        ...componentsOf(inputRegistry, "input"),
      },
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "An organization API key, created under Settings → API keys.",
        },
      },
      headers: {
        "X-Request-Id": {
          description: "The request's id; quote it when reporting a problem.",
          schema: { type: "string" },
        },
        "RateLimit-Limit": { description: "Requests allowed in the window.", schema: integer },
        "RateLimit-Remaining": { description: "Requests left in the window.", schema: integer },
        "RateLimit-Reset": { description: "Seconds until the window resets.", schema: integer },
        "Retry-After": { description: "Seconds to wait before retrying.", schema: integer },
        "WWW-Authenticate": {
          description: "The Bearer challenge of RFC 6750.",
          schema: { type: "string" },
        },
        "Idempotency-Replayed": {
          description: "`true` when this is the stored answer to an earlier request.",
          schema: { type: "string", enum: ["true"] },
        },
      },
      parameters: {
        "Idempotency-Key": {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "Any unique string (a UUID): a retry with the same key and body within 24 hours " +
            "replays the first response; the same key with another body is refused with 422.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of /api/v1, built once from the operations and their zod schemas. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildDocument();
  return cached;
}
