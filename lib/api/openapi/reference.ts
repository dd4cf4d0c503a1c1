import type { JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiParameter } from "./document";

// For /docs/api: operations in order, schemas as field lists, and a curl call for each.

export type FieldRow = { name: string; type: string; required: boolean; description?: string };

export type ReferenceOperation = {
  method: string;
  path: string;
  operation: OpenApiOperation;
  parameters: OpenApiParameter[];
};

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

export function resolveRef<T>(document: OpenApiDocument, value: T | { $ref: string }): T {
  if (value && typeof value === "object" && "$ref" in value && typeof value.$ref === "string") {
    let node: unknown = document;
    for (const part of value.$ref.replace(/^#\//, "").split("/")) {
      node = (node as Record<string, unknown>)[part.replaceAll("~1", "/").replaceAll("~0", "~")];
    }
    return node as T;
  }
  return value as T;
}

export function operationsOf(document: OpenApiDocument): ReferenceOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation,
      parameters: operation.parameters.map((parameter) => resolveRef(document, parameter)),
    })),
  );
}

/** A short type for people: `string | null`, `Project[]`, `integer (1–100, default 20)`. */
export function typeOf(schema: JsonSchema): string {
  if (typeof schema.$ref === "string") return refName(schema.$ref);
  if (Array.isArray(schema.anyOf))
    return schema.anyOf.map((s) => typeOf(s as JsonSchema)).join(" | ");
  if (Array.isArray(schema.enum))
    return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? "any"];
  const named = types.map((type) => {
    if (type === "array") return `${typeOf((schema.items as JsonSchema) ?? {})}[]`;
    if (type === "string" && typeof schema.format === "string") return `string (${schema.format})`;
    if (type === "object" && schema.additionalProperties && !schema.properties) {
      return `{ [key]: ${typeOf(schema.additionalProperties as JsonSchema)} }`;
    }
    return String(type);
  });
  const limits: string[] = [];
  // zod bounds every integer by the safe range, which says nothing to a reader.
  const bounded = Number(schema.maximum) < Number.MAX_SAFE_INTEGER;
  if (schema.minimum !== undefined && schema.maximum !== undefined && bounded) {
    limits.push(`${schema.minimum}–${schema.maximum}`);
  }
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    limits.push(`${schema.minLength ?? 0}–${schema.maxLength ?? "∞"} characters`);
  }
  if (schema.default !== undefined) limits.push(`default ${JSON.stringify(schema.default)}`);
  return limits.length ? `${named.join(" | ")} (${limits.join(", ")})` : named.join(" | ");
}

/** The fields of an object schema (after its $ref), or none for anything else. */
export function fieldsOf(document: OpenApiDocument, schema: JsonSchema): FieldRow[] {
  const resolved = resolveRef<JsonSchema>(document, schema as { $ref: string });
  const properties = (resolved.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((resolved.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    type: typeOf(property),
    required: required.has(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
  }));
}

export function schemaName(schema: JsonSchema): string | undefined {
  return typeof schema.$ref === "string" ? refName(schema.$ref) : undefined;
}

/** A curl call of the operation against $KEEL_URL with $KEEL_API_KEY. */
export function curlExample({ method, path, operation, parameters }: ReferenceOperation): string {
  const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => `$${name.toUpperCase()}`);
  const lines = [`curl -X ${method} "$KEEL_URL${url}"`];
  if (operation.security.length > 0) lines.push(`-H "Authorization: Bearer $KEEL_API_KEY"`);
  if (parameters.some((parameter) => parameter.name === "Idempotency-Key")) {
    lines.push(`-H "Idempotency-Key: $(uuidgen)"`);
  }
  const example = operation.requestBody?.content["application/json"]?.example;
  if (example !== undefined) {
    lines.push(`-H "Content-Type: application/json"`, `-d '${JSON.stringify(example)}'`);
  }
  return lines.join(" \\\n  ");
}
