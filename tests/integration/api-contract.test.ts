import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi/document";
import { apiOperations } from "@/lib/api/openapi/routes";
import {
  memberListSchema,
  organizationSchema,
  problemSchema,
  projectListSchema,
  projectSchema,
} from "@/lib/api/v1/schemas";
import * as documentRoute from "@/app/api/v1/openapi.json/route";
import { expectMatchesContract, withContract } from "../support/api-contract";

const root = path.resolve(import.meta.dirname, "../..");
const v1Folder = "app/api/v1";
// OPTIONS answers CORS preflights and HEAD mirrors GET: neither is an operation of its own.
const documentedMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

async function routeFiles(): Promise<string[]> {
  const entries = await readdir(path.join(root, v1Folder), {
    recursive: true,
    withFileTypes: true,
  });
  return entries
    .filter((entry) => entry.isFile() && /^route\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** app/api/v1/projects/[id]/route.ts → /api/v1/projects/{id} (route groups dropped). */
function urlPathOf(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((segment) => !/^\(.+\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}"));
  return `/${segments.join("/")}`;
}

async function implementedOperations(): Promise<string[]> {
  const operations: string[] = [];
  for (const file of await routeFiles()) {
    const routeModule: Record<string, unknown> = await import(path.join(root, file));
    for (const method of documentedMethods) {
      if (typeof routeModule[method] === "function") {
        operations.push(`${method} ${urlPathOf(file)}`);
      }
    }
  }
  return operations.sort();
}

function documentedOperations(): string[] {
  return Object.entries(openApiDocument().paths)
    .flatMap(([urlPath, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${urlPath}`),
    )
    .sort();
}

const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

// Sample answers as the handlers build them: parsed by the zod schemas they are made from,
// so these cases check that the document says what the schemas say.
const project = projectSchema.parse({
  id: "cmproject0000000000000001",
  name: "Website",
  description: null,
  createdAt: "2026-11-30T12:00:00.000Z",
  updatedAt: "2026-11-30T12:30:00.000Z",
});
const problem = (status: number, code: string) =>
  problemSchema.parse({
    type: `https://keel.dev/problems/${code}`,
    title: "Problem",
    status,
    detail: "What went wrong.",
    code,
    requestId: "req_0123456789",
  });

describe("the OpenAPI document against app/api/v1", () => {
  it("documents exactly the operations the route files export", async () => {
    const implemented = await implementedOperations();
    expect(implemented).toContain("GET /api/v1/openapi.json");
    expect(documentedOperations()).toEqual(
      apiOperations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort(),
    );
    // Both ways: a handler nobody documented, or a documented operation nobody serves.
    const documented = documentedOperations();
    expect(implemented.filter((op) => !documented.includes(op))).toEqual([]);
    expect(documented.filter((op) => !implemented.includes(op))).toEqual([]);
  });

  it("serves the document publicly, cacheable, from any origin, and it matches itself", async () => {
    const response = documentRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toContain("public");
    const body = await expectMatchesContract("GET", "/api/v1/openapi.json", response);
    expect(body).toMatchObject({ openapi: "3.1.0", components: { securitySchemes: {} } });
  });

  it("declares bearer keys, the idempotency header and the rate-limit headers", () => {
    const document = openApiDocument();
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    const create = document.paths["/api/v1/projects"]?.post;
    expect(create?.parameters).toContainEqual({ $ref: "#/components/parameters/Idempotency-Key" });
    expect(create?.security).toEqual([{ bearerAuth: [] }]);
    for (const operation of apiOperations.filter((op) => op.scope)) {
      const responses = document.paths[operation.path]?.[operation.method]?.responses ?? {};
      for (const status of ["401", "402", "403", "404", "429"]) {
        expect(
          Object.keys(responses[status]?.content ?? {}),
          `${operation.path} ${status}`,
        ).toEqual(["application/problem+json"]);
      }
      expect(Object.keys(responses["429"]?.headers ?? {})).toEqual(
        expect.arrayContaining(["X-Request-Id", "RateLimit-Remaining", "Retry-After"]),
      );
    }
  });
});

describe("expectMatchesContract on sample answers built from the schemas", () => {
  it("accepts each operation's documented success", async () => {
    await expectMatchesContract(
      "GET",
      "/api/v1/projects?limit=1",
      json(projectListSchema.parse({ data: [project], nextCursor: "abc" })),
    );
    await expectMatchesContract("POST", "/api/v1/projects", json(project, 201));
    await expectMatchesContract("GET", `/api/v1/projects/${project.id}`, json(project));
    await expectMatchesContract("PATCH", `/api/v1/projects/${project.id}`, json(project));
    await expectMatchesContract(
      "DELETE",
      `/api/v1/projects/${project.id}`,
      new Response(null, { status: 204 }),
    );
    await expectMatchesContract(
      "GET",
      "/api/v1/organization",
      json(organizationSchema.parse({ id: "o1", slug: "acme", name: "Acme", plan: "pro" })),
    );
    await expectMatchesContract(
      "GET",
      "/api/v1/members",
      json(
        memberListSchema.parse({
          data: [
            {
              id: "m1",
              name: null,
              email: "a@example.test",
              role: "OWNER",
              joinedAt: "2026-01-02T03:04:05.000Z",
            },
          ],
        }),
      ),
    );
  });

  it("accepts documented problems as application/problem+json", async () => {
    for (const [status, code] of [
      [401, "invalid_api_key"],
      [402, "plan_without_api"],
      [403, "missing_scope"],
      [429, "rate_limited"],
    ] as const) {
      await expectMatchesContract(
        "GET",
        "/api/v1/projects",
        json(problem(status, code), status, "application/problem+json"),
      );
    }
  });

  it("refuses a body that leaks a field, misses one, or has the wrong type", async () => {
    await expect(
      expectMatchesContract(
        "GET",
        "/api/v1/projects/p1",
        json({ ...project, organizationId: "o" }),
      ),
    ).rejects.toThrow(/additional properties/);
    const { updatedAt: _updatedAt, ...partial } = project;
    await expect(
      expectMatchesContract("GET", "/api/v1/projects/p1", json(partial)),
    ).rejects.toThrow(/updatedAt/);
    await expect(
      expectMatchesContract("GET", "/api/v1/projects/p1", json({ ...project, createdAt: 1 })),
    ).rejects.toThrow(/createdAt/);
  });

  it("refuses an undocumented status, media type or route", async () => {
    await expect(
      expectMatchesContract("GET", "/api/v1/projects", json(project, 201)),
    ).rejects.toThrow(/does not list/);
    await expect(
      expectMatchesContract("GET", "/api/v1/projects", json(problem(401, "x"), 401)),
    ).rejects.toThrow(/content type/);
    await expect(expectMatchesContract("GET", "/api/v1/invoices", json({}))).rejects.toThrow(
      /not in the OpenAPI document/,
    );
    await expect(
      expectMatchesContract("DELETE", "/api/v1/projects/p1", json(project)),
    ).rejects.toThrow(/does not list/);
  });
});

describe("withContract", () => {
  const url = "http://localhost:3000/api/v1/projects";

  it("passes on documented answers and leaves them readable", async () => {
    // Next.js passes the request to every handler, whether it reads it or not.
    const checked = withContract(documentRoute) as unknown as {
      GET: (request: Request) => Promise<Response>;
    };
    const response = await checked.GET(new Request("http://localhost:3000/api/v1/openapi.json"));
    expect(((await response.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("fails the test on an answer the document does not allow", async () => {
    const checked = withContract({
      GET: (_request: Request) => json(project, 201),
      OPTIONS: () => json({}, 418),
    });
    await expect(checked.GET(new Request(url))).rejects.toThrow(/does not list/);
    // Preflights are no operation of the document and go through unchecked.
    expect(checked.OPTIONS().status).toBe(418);
  });
});
