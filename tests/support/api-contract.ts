import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";
import { openApiDocument, type OpenApiOperation } from "@/lib/api/openapi/document";

// Validates real responses against the served document itself (not against the zod schemas it
// came from), so a document that drifts from what the handlers send fails the tests.

const DOCUMENT_ID = "keel-openapi";
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

function validatorFor(pointer: string): ValidateFunction {
  if (!ajv) {
    // strict: false because the document around the schemas (paths, examples) is no schema.
    ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    ajv.addSchema({ ...openApiDocument(), $id: DOCUMENT_ID });
  }
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

const escape = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/** The documented path a request path falls under: `/api/v1/projects/abc?x=1` → `/api/v1/projects/{id}`. */
export function documentedPath(requestPath: string): string | undefined {
  const pathname = new URL(requestPath, "http://contract.test").pathname;
  const paths = Object.keys(openApiDocument().paths);
  if (paths.includes(pathname)) return pathname;
  return paths.find((template) => {
    const pattern = template.replace(/\{[^}/]+\}/g, "[^/]+").replaceAll(".", "\\.");
    return new RegExp(`^${pattern}$`).test(pathname);
  });
}

export function documentedOperation(method: string, requestPath: string) {
  const path = documentedPath(requestPath);
  const operation: OpenApiOperation | undefined = path
    ? openApiDocument().paths[path]?.[method.toLowerCase()]
    : undefined;
  return path && operation ? { path, operation } : undefined;
}

/**
 * Asserts that `response` is one the document allows for `method path`: a documented status,
 * the documented media type, and a body that validates against that status's schema.
 * Returns the parsed body (undefined for an empty one). Reads a clone, so the caller can still
 * read the response; pass `readBody` for a response read already.
 */
export async function expectMatchesContract(
  method: string,
  path: string,
  response: Response,
  /** The parsed body, when the response was read already (openapi-fetch's `data ?? error`). */
  readBody?: unknown,
): Promise<unknown> {
  const found = documentedOperation(method, path);
  expect(found, `${method} ${path} is not in the OpenAPI document`).toBeDefined();
  const { path: template, operation } = found!;
  const documented = operation.responses[String(response.status)];
  expect(
    documented,
    `${method} ${template} answered ${response.status}, which the document does not list ` +
      `(it lists ${Object.keys(operation.responses).join(", ")})`,
  ).toBeDefined();
  const consumed = response.bodyUsed;
  const text = consumed ? undefined : await response.clone().text();
  const mediaTypes = Object.keys(documented!.content ?? {});
  if (mediaTypes.length === 0) {
    const empty = consumed ? readBody === undefined || readBody === "" : text === "";
    expect(empty, `${method} ${template} ${response.status} has no body in the document`).toBe(
      true,
    );
    return undefined;
  }
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  expect(mediaTypes, `${method} ${template} ${response.status} content type`).toContain(
    contentType,
  );
  let body: unknown = readBody;
  if (text !== undefined) {
    try {
      body = JSON.parse(text);
    } catch {
      expect.fail(`${method} ${template} ${response.status} sent a body that is not JSON: ${text}`);
    }
  }
  const pointer = [
    "paths",
    template,
    method.toLowerCase(),
    "responses",
    String(response.status),
    "content",
    contentType,
    "schema",
  ]
    .map(escape)
    .join("/");
  const validate = validatorFor(`/${pointer}`);
  const valid = validate(body);
  expect(
    valid,
    `${method} ${template} ${response.status}: ${ajv!.errorsText(validate.errors)} in ` +
      JSON.stringify(body),
  ).toBe(true);
  return body;
}

type RouteHandler = (request: Request, segment?: never) => Response | Promise<Response>;

/**
 * The route module with each documented method wrapped: every response it gives a test is
 * checked by expectMatchesContract before the test sees it. `import * as raw from "…/route"`,
 * then `const api = withContract(raw)`.
 */
export function withContract<M extends Record<string, unknown>>(routeModule: M): M {
  const wrapped: Record<string, unknown> = { ...routeModule };
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
    const handler = routeModule[method] as RouteHandler | undefined;
    if (typeof handler !== "function") continue;
    wrapped[method] = async (request: Request, segment?: never) => {
      const response = await handler(request, segment);
      await expectMatchesContract(request.method, new URL(request.url).pathname, response);
      return response;
    };
  }
  return wrapped as M;
}
