import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Product code must read configuration through lib/env/index.ts, which validates it.
 * This proves the lint rule in eslint.config.mjs enforces that, file by file.
 */

const root = path.resolve(import.meta.dirname, "../..");
const ruleIds = new Set(["no-restricted-syntax", "no-restricted-properties"]);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The process.env findings ESLint reports for `code` as if it lived at `file`. */
async function processEnvFindings(file: string, code: string): Promise<string[]> {
  const filePath = path.join(root, file);
  // An ignored or unparsable file reports nothing, which would make "allowed" pass vacuously.
  expect(await eslint.isPathIgnored(filePath), `${file} is linted`).toBe(false);
  const [result] = await eslint.lintText(code, { filePath });
  expect(result?.messages.filter((m) => m.fatal) ?? [], `${file} parses`).toEqual([]);
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && ruleIds.has(m.ruleId))
    .map((m) => m.message);
}

const readsEnv = "export const value = process.env.FOO;\n";
const destructuresEnv = "const { FOO } = process.env;\nexport const value = FOO;\n";

describe("the process.env lint rule", () => {
  it.each(["lib/example.ts", "lib/billing/example.ts", "app/api/example/route.ts", "proxy.ts"])(
    "reports process.env in %s",
    async (file) => {
      const findings = await processEnvFindings(file, readsEnv);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings[0]).toContain("lib/env/index.ts");
    },
    30_000,
  );

  it("reports destructuring process.env in a component", async () => {
    const code = `${destructuresEnv}export function Example() { return null; }\n`;
    expect(await processEnvFindings("components/example.tsx", code)).not.toEqual([]);
  }, 30_000);

  it.each(["lib/env/index.ts", "scripts/example.ts", "tests/unit/example.test.ts"])(
    "allows process.env in %s",
    async (file) => {
      expect(await processEnvFindings(file, readsEnv)).toEqual([]);
    },
    30_000,
  );
});
