import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ApiReferencePage from "@/app/(marketing)/docs/api/page";
import { openApiDocument } from "@/lib/api/openapi/document";
import { curlExample, operationsOf, typeOf } from "@/lib/api/openapi/reference";
import { apiOperations } from "@/lib/api/openapi/routes";

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replace(/\s+/g, " ");

describe("the API reference page", () => {
  const page = text(renderToStaticMarkup(createElement(ApiReferencePage)));

  it("lists every operation of the document with its curl call", () => {
    for (const operation of apiOperations) {
      expect(page).toContain(`${operation.method.toUpperCase()} ${operation.path}`);
      expect(page).toContain(`curl -X ${operation.method.toUpperCase()} "$KEEL_URL`);
    }
    expect(page).toContain("problem+json");
  });

  it("shows the body, the key and the idempotency header in the create example", () => {
    const create = operationsOf(openApiDocument()).find(
      (entry) => entry.operation.operationId === "createProject",
    )!;
    expect(curlExample(create)).toBe(
      [
        'curl -X POST "$KEEL_URL/api/v1/projects"',
        '-H "Authorization: Bearer $KEEL_API_KEY"',
        '-H "Idempotency-Key: $(uuidgen)"',
        '-H "Content-Type: application/json"',
        `-d '{"name":"Website redesign","description":"Q3 launch"}'`,
      ].join(" \\\n  "),
    );
    const document = operationsOf(openApiDocument()).find(
      (entry) => entry.path === "/api/v1/openapi.json",
    )!;
    expect(curlExample(document)).not.toContain("Authorization");
  });

  it("names types for people", () => {
    expect(typeOf({ type: ["string", "null"] })).toBe("string | null");
    expect(typeOf({ type: "array", items: { $ref: "#/components/schemas/Project" } })).toBe(
      "Project[]",
    );
    expect(typeOf({ type: "integer", minimum: 1, maximum: 100, default: 20 })).toBe(
      "integer (1–100, default 20)",
    );
  });
});
