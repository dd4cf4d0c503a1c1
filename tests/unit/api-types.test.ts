import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiTypesPath, renderApiTypes } from "@/scripts/api-types/render";

const root = path.resolve(import.meta.dirname, "../..");

describe("the typed client's types", () => {
  it("are up to date with the OpenAPI document (run `npm run api:types` after a change)", async () => {
    const committed = await readFile(path.join(root, apiTypesPath), "utf8");
    expect(committed).toBe(await renderApiTypes(root));
  });
});
