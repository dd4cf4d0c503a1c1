import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { libLayersPlugin } from "./lint/lib-layers.mjs";

// Product code reads configuration only through lib/env/index.ts, which validates it.
// Tooling (scripts, tests, config files) runs outside the app and may read the environment.
const noProcessEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: "Read configuration through `env` from lib/env/index.ts, which validates it.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".keel/**",
    "lib/generated/**",
    "node_modules/**",
    "next-env.d.ts",
    "playwright-report/**",
    "test-results/**",
  ]),
  {
    files: ["app/**", "components/**", "lib/**", "pages/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/env/index.ts"],
    rules: {
      "no-restricted-syntax": ["error", noProcessEnv],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: noProcessEnv.message },
      ],
    },
  },
  {
    // Keeps lib/'s folder graph acyclic: each folder imports only lower layers.
    files: ["lib/**", "components/**"],
    plugins: { keel: libLayersPlugin },
    rules: { "keel/lib-layers": "error" },
  },
  {
    // Product code logs through lib/observability/logger.ts: structured, redacted, and
    // carrying the request's context. Scripts, tests and benchmarks may print.
    files: ["app/**", "components/**", "lib/**", "pages/**", "proxy.ts", "instrumentation.ts"],
    rules: { "no-console": "error" },
  },
  {
    // Specs take `test` and `expect` from the fixture that checks each page with axe.
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test", "expect"],
              message: "Import `test` and `expect` from ./support/test (axe checks every page).",
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
]);
