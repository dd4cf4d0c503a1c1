import { expect, test } from "./support/test";

// The API's description as a script and a reader get it from the production build.

test("the OpenAPI document is public, cacheable and callable from any origin", async ({
  request,
}) => {
  const response = await request.get("/api/v1/openapi.json", {
    headers: { origin: "https://ci.example" },
  });
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(response.headers()["cache-control"]).toContain("public");
  expect(response.headers()["x-request-id"]).toBeTruthy();
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/v1/projects/{id}");
});

test("the API reference is reachable from the footer and lists the operations", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: /POST \/api\/v1\/projects Create a project/ }),
  ).toBeVisible();
  await expect(page.getByLabel("curl example for POST /api/v1/projects")).toContainText(
    "Idempotency-Key",
  );
});
