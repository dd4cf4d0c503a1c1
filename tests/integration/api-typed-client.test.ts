import { describe, expect, it } from "vitest";
import { apiOperations } from "@/lib/api/openapi/routes";
import { expectMatchesContract } from "../support/api-contract";
import { apiClient } from "../support/api-v1-client";

describe("the typed client generated from the OpenAPI document", () => {
  it("reads the document through its own typed operation", async () => {
    const { data, error, response } = await apiClient().GET("/api/v1/openapi.json");
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    await expectMatchesContract("GET", "/api/v1/openapi.json", response, data);
    // The client's types and the served document agree on every operation.
    const served = Object.entries(data?.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method} ${path}`),
    );
    expect(served.sort()).toEqual(apiOperations.map((op) => `${op.method} ${op.path}`).sort());
  });
});
