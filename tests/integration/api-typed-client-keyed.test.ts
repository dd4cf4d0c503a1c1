import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayPrefixOf, generateApiKey, hashApiKey } from "@/lib/api-keys/format";
import { adminDatabase } from "../support/admin-db";
import { expectMatchesContract } from "../support/api-contract";
import { apiClient } from "../support/api-v1-client";
import { organization } from "../support/tenant-request";

const admin = adminDatabase();
let key: string;
let otherKey: string;

async function keyOf(organizationId: string) {
  const secret = generateApiKey("test");
  await admin.apiKey.create({
    data: {
      organizationId,
      name: "typed client",
      prefix: displayPrefixOf(secret),
      keyHash: hashApiKey(secret),
      scopes: ["projects:read", "projects:write", "members:read", "organization:read"],
    },
  });
  return secret;
}

beforeAll(async () => {
  key = await keyOf((await organization(admin, "typed")).id);
  otherKey = await keyOf((await organization(admin, "typed-other")).id);
});
afterAll(async () => {
  await admin.$disconnect();
});

describe("the typed client against the /api/v1 handlers", () => {
  it("creates, lists, reads, updates and deletes a project, each answer as documented", async () => {
    const api = apiClient(key);
    const created = await api.POST("/api/v1/projects", {
      body: { name: "Typed", description: "from openapi-fetch" },
      headers: { "Idempotency-Key": crypto.randomUUID() },
    });
    expect(created.response.status).toBe(201);
    await expectMatchesContract("POST", "/api/v1/projects", created.response, created.data);
    const id = created.data!.id;

    const listed = await api.GET("/api/v1/projects", {
      params: { query: { limit: 10, name: "Typed" } },
    });
    await expectMatchesContract("GET", "/api/v1/projects", listed.response, listed.data);
    expect(listed.data?.data.map((project) => project.id)).toContain(id);

    const updated = await api.PATCH("/api/v1/projects/{id}", {
      params: { path: { id } },
      body: { name: "Typed, renamed" },
    });
    await expectMatchesContract("PATCH", `/api/v1/projects/${id}`, updated.response, updated.data);
    expect(updated.data?.name).toBe("Typed, renamed");

    const organizationAnswer = await api.GET("/api/v1/organization");
    await expectMatchesContract(
      "GET",
      "/api/v1/organization",
      organizationAnswer.response,
      organizationAnswer.data,
    );
    const members = await api.GET("/api/v1/members");
    await expectMatchesContract("GET", "/api/v1/members", members.response, members.data);

    const deleted = await api.DELETE("/api/v1/projects/{id}", { params: { path: { id } } });
    expect(deleted.response.status).toBe(204);
    await expectMatchesContract("DELETE", `/api/v1/projects/${id}`, deleted.response);

    const gone = await api.GET("/api/v1/projects/{id}", { params: { path: { id } } });
    expect(gone.error?.code).toBe("not_found");
    await expectMatchesContract("GET", `/api/v1/projects/${id}`, gone.response, gone.error);
  });

  it("answers refusals with documented problems", async () => {
    const anonymous = await apiClient().GET("/api/v1/projects");
    expect(anonymous.response.status).toBe(401);
    await expectMatchesContract("GET", "/api/v1/projects", anonymous.response, anonymous.error);

    const invalid = await apiClient(key).POST("/api/v1/projects", {
      body: { name: "" },
    });
    expect(invalid.response.status).toBe(400);
    await expectMatchesContract("POST", "/api/v1/projects", invalid.response, invalid.error);

    const own = await apiClient(key).POST("/api/v1/projects", { body: { name: "Mine" } });
    const foreign = await apiClient(otherKey).GET("/api/v1/projects/{id}", {
      params: { path: { id: own.data!.id } },
    });
    expect(foreign.response.status).toBe(404);
    await expectMatchesContract("GET", "/api/v1/projects/x", foreign.response, foreign.error);
  });
});
