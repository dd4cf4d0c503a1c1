import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import type * as InputModule from "@/lib/actions/input";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { StaffTwoFactorRequiredError } from "@/lib/admin/access";
import { notFound } from "@/lib/errors";
import { idleFormState } from "@/lib/forms/form-state";
import { adminDatabase } from "../support/admin-db";
import { staffWithSession } from "../support/staff";
import { callAs, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);
// Input checks are waived in this file so that every action, called with an empty input, reaches
// its step-up check: a 422 for the empty form would otherwise hide whether the check is there.
// No handler runs: every caller here is refused before it.
vi.mock("@/lib/actions/input", async (original) => ({
  ...(await original<typeof InputModule>()),
  parseInput: (_schema: unknown, input: unknown) => ({ success: true, data: input }),
}));

/**
 * Every operator console page, route handler and action, found from the code (other work adds
 * them all the time), as four callers meet it: anonymous, a signed-in customer, staff without
 * two-factor, staff with two-factor but an old sign-in; and staff on a tenant host. Nothing is
 * listed by hand, so a new page or action without the staff check fails here.
 */

const root = path.resolve(import.meta.dirname, "../..");

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

const source = (file: string) => readFile(path.join(root, file), "utf8");
const parse = (file: string, text: string) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);

function hasUseServerDirective(file: string, text: string): boolean {
  const first = parse(file, text).statements[0];
  return (
    first !== undefined &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use server"
  );
}

/** Exports of an actions module that are not `export const x = staffAction(...)`. */
function exportsWithoutStaffCheck(file: string, text: string): string[] {
  const sourceFile = parse(file, text);
  const importsChain = sourceFile.statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text === "@/lib/actions/chain" &&
      s.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(s.importClause.namedBindings) &&
      s.importClause.namedBindings.elements.some(
        (e) => e.name.text === "staffAction" && e.propertyName === undefined,
      ),
  );
  const offenders: string[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (!statement.isTypeOnly) offenders.push(statement.getText());
      continue;
    }
    if (ts.isExportAssignment(statement)) {
      offenders.push("export default");
      continue;
    }
    const exported =
      ts.canHaveModifiers(statement) &&
      (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported || ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement))
      continue;
    if (!ts.isVariableStatement(statement)) {
      offenders.push(statement.getText().split("\n")[0]!);
      continue;
    }
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      const byStaffAction =
        importsChain &&
        init !== undefined &&
        ts.isCallExpression(init) &&
        ts.isIdentifier(init.expression) &&
        init.expression.text === "staffAction";
      if (!byStaffAction) offenders.push(declaration.name.getText());
    }
  }
  return offenders;
}

type Callable = { name: string; call: () => Promise<unknown> };

async function actionCallables(): Promise<Callable[]> {
  const callables: Callable[] = [];
  for (const file of await sourceFiles("lib/admin/actions")) {
    const loaded = (await import(/* @vite-ignore */ path.join(root, file))) as Record<
      string,
      unknown
    >;
    for (const [name, value] of Object.entries(loaded)) {
      if (typeof value !== "function") continue;
      callables.push({ name: `${file}#${name}`, call: async () => value({}) });
    }
  }
  for (const file of serverFiles) {
    const loaded = (await import(/* @vite-ignore */ path.join(root, file))) as Record<
      string,
      unknown
    >;
    for (const [name, value] of Object.entries(loaded)) {
      if (typeof value !== "function") continue;
      // Form adapters take (state, formData); the rest a FormData or nothing.
      const args =
        value.length >= 2
          ? [idleFormState, new FormData()]
          : value.length === 1
            ? [new FormData()]
            : [];
      callables.push({ name: `${file}#${name}`, call: async () => value(...args) });
    }
  }
  return callables;
}

/** Made-up values for a route's dynamic segments: nothing real is behind them. */
function madeUpParams(file: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const match of file.matchAll(/\[\[?(\.\.\.)?([^\]]+)\]\]?/g)) {
    params[match[2]!] = match[1] ? ["made-up", "path"] : "made-up-id";
  }
  return params;
}

function urlOf(file: string, host: string): string {
  const route = file
    .replace(/^app/, "")
    .replace(/\/(page|route)\.tsx?$/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\[\[?(\.\.\.)?([^\]]+)\]\]?/g, "made-up-id");
  return `http://${host}${route || "/"}`;
}

async function pageCallables(): Promise<(Callable & { file: string })[]> {
  const callables: (Callable & { file: string })[] = [];
  for (const file of pages) {
    const loaded = (await import(/* @vite-ignore */ path.join(root, file))) as {
      default?: (props: unknown) => unknown;
    };
    const Page = loaded.default;
    if (typeof Page !== "function") throw new Error(`${file} has no default export`);
    const props = {
      params: Promise.resolve(madeUpParams(file)),
      searchParams: Promise.resolve({ q: "made-up", page: "2", id: "made-up-id" }),
    };
    callables.push({ file, name: file, call: async () => Page(props) });
  }
  return callables;
}

const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

async function routeCallables(host: string): Promise<Callable[]> {
  const callables: Callable[] = [];
  for (const file of routes) {
    const loaded = (await import(/* @vite-ignore */ path.join(root, file))) as Record<
      string,
      unknown
    >;
    for (const method of methods) {
      const handler = loaded[method];
      if (typeof handler !== "function") continue;
      callables.push({
        name: `${method} ${file}`,
        call: async () =>
          handler(
            new Request(urlOf(file, host), {
              method,
              headers: { host },
              ...(method === "GET" || method === "HEAD" ? {} : { body: "{}" }),
            }),
            { params: Promise.resolve(madeUpParams(file)) },
          ),
      });
    }
  }
  return callables;
}

type Outcome = { status?: number; code?: string; redirect?: string; other?: string };

const notFoundMessage = notFound("That page").message;
const twoFactorMessage = new StaffTwoFactorRequiredError().message;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** What a caller got: a chain result, a form state, a Response, or Next's notFound/redirect. */
async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  let value: unknown;
  try {
    value = await call();
  } catch (error) {
    const digest = isRecord(error) ? error.digest : undefined;
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;"))
      return { status: Number(digest.split(";")[1]) };
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;"))
      return { redirect: digest.split(";")[2] };
    return { other: `threw ${String(error)}` };
  }
  if (value instanceof Response) return { status: value.status };
  if (isRecord(value) && value.ok === false && typeof value.status === "number")
    return {
      status: value.status,
      ...(typeof value.code === "string" ? { code: value.code } : {}),
    };
  // A form adapter's state carries the chain's message and code, not its status.
  if (isRecord(value) && value.status === "error") {
    if (value.code === "reauthentication_required")
      return { status: 403, code: "reauthentication_required" };
    if (value.message === notFoundMessage) return { status: 404 };
    if (value.message === twoFactorMessage) return { status: 403 };
  }
  return { other: `answered ${JSON.stringify(value)?.slice(0, 200)}` };
}

async function mismatches(callables: Callable[], expected: (c: Callable) => Outcome) {
  const wrong: { name: string; got: Outcome; expected: Outcome }[] = [];
  for (const callable of callables) {
    const got = await outcomeOf(callable.call);
    const want = expected(callable);
    if (JSON.stringify(got) !== JSON.stringify(want))
      wrong.push({ name: callable.name, got, expected: want });
  }
  return wrong;
}

const admin = adminDatabase();

/** Everything a console action could change, to compare before and after the refusals. */
async function footprint() {
  const counts = await Promise.all([
    admin.auditLog.count(),
    admin.session.count(),
    admin.user.count({
      where: { OR: [{ disabledAt: { not: null } }, { staffSince: { not: null } }] },
    }),
    admin.organization.count({ where: { suspendedAt: { not: null } } }),
    admin.organization.count({ where: { compPlan: { not: null } } }),
    admin.featureFlagOverride.count(),
    admin.marketingSpend.count(),
    admin.outboxMessage.groupBy({ by: ["status"], _count: true, orderBy: { status: "asc" } }),
    admin.stripeEventFailure.count({
      where: { OR: [{ resolvedAt: { not: null } }, { discardedAt: { not: null } }] },
    }),
  ]);
  return JSON.stringify(counts);
}

const actionFiles = await sourceFiles("lib/admin/actions");
const adminFiles = await sourceFiles("app/admin");
const serverFiles: string[] = [];
for (const file of adminFiles)
  if (hasUseServerDirective(file, await source(file))) serverFiles.push(file);
// Nested layouts run before their page's loading boundary (an unknown id's 404): they check too.
// The console's root layout only decides between 404 and rendering; each page below it checks.
const pages = adminFiles.filter(
  (file) =>
    /\/page\.tsx?$/.test(file) || (/\/layout\.tsx?$/.test(file) && file !== "app/admin/layout.tsx"),
);
const routes = adminFiles.filter((file) => /\/route\.tsx?$/.test(file));
// The one page a staff member without two-factor may open.
const twoFactorPage = "app/admin/two-factor-required/page.tsx";

let callers: {
  customer: string;
  noTwoFactor: string;
  staleSignIn: string;
  staff: string;
};
let actions: Callable[];
let before: string;

beforeAll(async () => {
  const customer = await userWithSession(admin, "admin-iso-customer");
  callers = {
    customer: customer.token,
    noTwoFactor: (await staffWithSession(admin, "iso-no-2fa", { twoFactor: false })).token,
    staleSignIn: (await staffWithSession(admin, "iso-stale", { staleSignIn: true })).token,
    staff: (await staffWithSession(admin, "iso-staff")).token,
  };
  actions = await actionCallables();
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  before = await footprint();
});
afterAll(async () => {
  await admin.$disconnect();
});

describe("what the test finds", () => {
  it("finds the console's actions, form adapters and pages, so it cannot pass on nothing", () => {
    expect(actionFiles).toContain("lib/admin/actions/jobs.ts");
    expect(
      actions.filter((a) => a.name.startsWith("lib/admin/actions/")).length,
    ).toBeGreaterThanOrEqual(4);
    expect(serverFiles).toContain("app/admin/jobs/actions.ts");
    expect(pages).toEqual(
      expect.arrayContaining([
        "app/admin/page.tsx",
        twoFactorPage,
        "app/admin/jobs/page.tsx",
        "app/admin/users/[id]/layout.tsx",
      ]),
    );
  });
});

describe("every staff action is built by staffAction", () => {
  it("in lib/admin/actions", async () => {
    const offenders: string[] = [];
    for (const file of actionFiles) {
      for (const name of exportsWithoutStaffCheck(file, await source(file)))
        offenders.push(`${file}: ${name}`);
    }
    expect(offenders).toEqual([]);
  });

  it("and the check itself catches an action without it", () => {
    const text = [
      'import { authenticatedAction, staffAction } from "@/lib/actions/chain";',
      "export const fine = staffAction('admin.x.y', schema, handler);",
      "export const unchecked = authenticatedAction('admin.x.z', schema, handler);",
      "export async function handWritten() {}",
      "export { other } from './elsewhere';",
      "export type Fine = string;",
    ].join("\n");
    expect(exportsWithoutStaffCheck("sample.ts", text)).toEqual([
      "unchecked",
      "export async function handWritten() {}",
      "export { other } from './elsewhere';",
    ]);
    const lookalike =
      "function staffAction() {}\nexport const sneaky = staffAction('admin.x', s, h);";
    expect(exportsWithoutStaffCheck("sample.ts", lookalike)).toEqual(["sneaky"]);
  });
});

describe("actions and form adapters", () => {
  it("answer not found to an anonymous caller", async () => {
    callAs(undefined);
    expect(await mismatches(actions, () => ({ status: 404 }))).toEqual([]);
  });

  it("answer not found to a signed-in customer", async () => {
    callAs(callers.customer);
    expect(await mismatches(actions, () => ({ status: 404 }))).toEqual([]);
  });

  it("refuse staff without two-factor (403)", async () => {
    callAs(callers.noTwoFactor);
    expect(await mismatches(actions, () => ({ status: 403 }))).toEqual([]);
  });

  it("ask staff with an old sign-in to confirm it's them (403 reauthentication_required)", async () => {
    callAs(callers.staleSignIn);
    expect(
      await mismatches(actions, () => ({ status: 403, code: "reauthentication_required" })),
    ).toEqual([]);
  });

  it("answer not found to staff on a tenant host", async () => {
    callAs(callers.staff, "acme");
    expect(await mismatches(actions, () => ({ status: 404 }))).toEqual([]);
  });
});

describe("pages", () => {
  it("throw Next's notFound for an anonymous visitor and a customer", async () => {
    const found = await pageCallables();
    callAs(undefined);
    expect(await mismatches(found, () => ({ status: 404 }))).toEqual([]);
    callAs(callers.customer);
    expect(await mismatches(found, () => ({ status: 404 }))).toEqual([]);
  });

  it("send staff without two-factor to the page that asks for it", async () => {
    const found = (await pageCallables()).filter((page) => page.file !== twoFactorPage);
    callAs(callers.noTwoFactor);
    expect(await mismatches(found, () => ({ redirect: "/admin/two-factor-required" }))).toEqual([]);
  });

  it("throw notFound for staff on a tenant host", async () => {
    callAs(callers.staff, "acme");
    expect(await mismatches(await pageCallables(), () => ({ status: 404 }))).toEqual([]);
  });
});

describe("route handlers", () => {
  it("answer 404 to an anonymous caller, a customer and staff on a tenant host", async () => {
    callAs(undefined);
    expect(
      await mismatches(await routeCallables("localhost:3000"), () => ({ status: 404 })),
    ).toEqual([]);
    callAs(callers.customer);
    expect(
      await mismatches(await routeCallables("localhost:3000"), () => ({ status: 404 })),
    ).toEqual([]);
    callAs(callers.staff, "acme");
    expect(
      await mismatches(await routeCallables("acme.localhost:3000"), () => ({ status: 404 })),
    ).toEqual([]);
  });
});

describe("route handlers for staff without two-factor", () => {
  it("refuse them (403) or send them to the page that asks for it", async () => {
    callAs(callers.noTwoFactor);
    const wrong: { name: string; got: Outcome }[] = [];
    for (const route of await routeCallables("localhost:3000")) {
      const got = await outcomeOf(route.call);
      if (got.status !== 403 && got.redirect !== "/admin/two-factor-required")
        wrong.push({ name: route.name, got });
    }
    expect(wrong).toEqual([]);
  });
});

describe("after every refusal above", () => {
  it("nothing was written: no audit entry, session, job or change", async () => {
    expect(await footprint()).toBe(before);
  });
});
