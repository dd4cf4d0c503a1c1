import { readdirSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { elementOf, layerIndex } from "@/lint/lib-layers.mjs";
import { cycles, folderGraph } from "@/scripts/import-graph";

/**
 * lib/'s folders import each other only downwards (lint/lib-layers.mjs), so the folder
 * graph has no cycle; shared components never import app/. Proves the lint rule enforces it.
 */

const root = path.resolve(import.meta.dirname, "../..");
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer rule's findings for `code` as if it lived at `file`. */
async function layerFindings(file: string, code: string): Promise<string[]> {
  const filePath = path.join(root, file);
  // An ignored or unparsable file reports nothing, which would make "allowed" pass vacuously.
  expect(await eslint.isPathIgnored(filePath), `${file} is linted`).toBe(false);
  const [result] = await eslint.lintText(code, { filePath });
  expect(result?.messages.filter((m) => m.fatal) ?? [], `${file} parses`).toEqual([]);
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "keel/lib-layers")
    .map((m) => m.message);
}

const importing = (specifier: string) =>
  `import { value } from "${specifier}";\nexport const copy = value;\n`;

describe("the lib layers lint rule", () => {
  it.each([
    ["lib/db/example.ts", "@/lib/auth/current-session"],
    ["lib/audit/example.ts", "../billing/plans/plans"],
    ["lib/auth/flows/example.ts", "@/lib/organizations/billing"],
    ["lib/billing/stripe/example.ts", "../../account/delete-account"],
    ["lib/env/example.ts", "@/lib/tenancy/host"],
  ])(
    "reports %s importing %s (upwards)",
    async (file, specifier) => {
      const findings = await layerFindings(file, importing(specifier));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toContain("must not import");
    },
    30_000,
  );

  it("reports an import between two folders of the same layer", async () => {
    const findings = await layerFindings(
      "lib/members/example.ts",
      importing("@/lib/organizations/settings"),
    );
    expect(findings).toHaveLength(1);
  }, 30_000);

  it("reports re-exports and dynamic imports too", async () => {
    const code = `export { value } from "@/lib/billing/plans/plans";\nexport const later = () => import("@/lib/projects/queries");\n`;
    expect(await layerFindings("lib/tenancy/example.ts", code)).toHaveLength(2);
  }, 30_000);

  it("reports a folder that has no layer yet", async () => {
    const findings = await layerFindings("lib/widgets/example.ts", importing("@/lib/db"));
    expect(findings).toEqual(["lib/widgets has no layer in lint/lib-layers.mjs."]);
  }, 30_000);

  it.each([
    ["lib/billing/example.ts", "@/lib/db/tenant"],
    ["lib/billing/manage/example.ts", "../stripe/client"],
    ["lib/account/example.ts", "@/lib/auth/current-session"],
    ["lib/account/export/example.ts", "@/lib/organizations/billing"],
    ["lib/account/example.ts", "@/lib/billing/stripe/seats"],
    ["lib/audit-log/example.ts", "@/lib/billing/plans/entitlements"],
    ["lib/auth/example.ts", "@/lib/audit/record"],
    ["lib/forms/example.ts", "@/lib/errors"],
  ])(
    "allows %s importing %s (downwards or within)",
    async (file, specifier) => {
      expect(await layerFindings(file, importing(specifier))).toEqual([]);
    },
    30_000,
  );

  it("reports a shared component importing from app/", async () => {
    const findings = await layerFindings(
      "components/billing/example.tsx",
      `import type { State } from "@/app/org/[slug]/settings/billing/actions";\nexport type Copy = State;\n`,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain("_components");
  }, 30_000);

  it("reports lib/ importing a component", async () => {
    const findings = await layerFindings(
      "lib/email/example.ts",
      importing("@/components/ui/button"),
    );
    expect(findings).toEqual(["lib/ must not import from app/ or components/."]);
  }, 30_000);
});

describe("lib/ today", () => {
  it("gives every folder a layer", () => {
    const folders = readdirSync(path.join(root, "lib"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const missing = folders.filter(
      (name) => layerIndex(elementOf(`lib/${name}/x.ts`)!) === undefined,
    );
    expect(missing).toEqual([]);
  });

  // It parses every file of lib/: seconds on a busy machine, like the lint runs above.
  it("has no cycle between its folders", () => {
    expect(cycles(folderGraph())).toEqual([]);
  }, 30_000);
});
