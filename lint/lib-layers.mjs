import path from "node:path";

/**
 * The layers of lib/, lowest first. An element (a folder under lib/) may import only
 * elements of lower layers, so the folder graph stays acyclic; two elements that need each
 * other mean one of them holds something that belongs in a lower element.
 */
export const layers = [
  ["env", "crypto", "errors", "generated", "format"],
  ["observability"],
  ["db", "http", "email", "rate-limit", "forms", "flash", "storage"],
  // Writers every domain uses: the audit recorder, the job queue's enqueue side, emails on it.
  ["audit", "jobs", "health"],
  ["outbox"],
  // Referral codes, the cookie and who referred whom: read when accounts and organizations are made.
  ["referrals"],
  ["auth"],
  // The colour theme's cookie, scoped like the session's so it reaches organization subdomains.
  ["theme"],
  // Tenancy resolves the current member from the session.
  ["tenancy"],
  ["billing"],
  // A new organization's first steps: the checklist and sample projects, which creating one uses.
  ["onboarding"],
  [
    "organizations",
    "members",
    "invitations",
    "projects",
    "audit-log",
    "retention",
    "usage",
    "metrics",
  ],
  // Files of projects: reads projects and their history to show a project's page.
  ["attachments"],
  // The organization's home page: a summary read across the domains above.
  ["org-home"],
  // Account-level flows that span organizations and billing (deletion, export).
  ["account"],
  // Organization API keys: issued and verified by the data layer, above billing and tenancy.
  ["api-keys"],
  // The operator console's data layer: staff checks and cross-organization reads, over every domain.
  ["admin"],
  // The job runner runs every domain's handlers; delivery after a response runs the runner.
  ["jobs-runner"],
  // The chain every action and JSON route goes through, and the account requests built on it.
  ["actions"],
  // Each domain's actions: the chain around its data layer, what app/ calls.
  ["domain-actions"],
  // The public /api/v1: bearer keys, problem+json, idempotency, rate limits, over the domains.
  ["api"],
];

/**
 * Files that belong to another element than their folder's. A key ending in "/" covers a
 * folder; the longest matching key wins.
 */
export const fileElements = {
  // Pure host parsing (no database, no session): the proxy and sign-in's redirect check use it.
  "lib/tenancy/host": "http",
  "lib/tenancy/slug": "http",
  "lib/auth/flows/requests": "actions",
  "lib/auth/flows/account-requests": "actions",
  "lib/outbox/deliver": "jobs-runner",
  "lib/outbox/after-response": "jobs-runner",
  "lib/jobs/registry": "jobs-runner",
  "lib/jobs/run": "jobs-runner",
  "lib/jobs/drain-route": "jobs-runner",
  "lib/jobs/qstash": "jobs-runner",
  "lib/jobs/kinds/": "jobs-runner",
  // The email kind is what lib/outbox/enqueue builds on; it runs nothing above email.
  "lib/jobs/kinds/email": "jobs",
  "lib/billing/actions": "domain-actions",
  "lib/invitations/actions": "domain-actions",
  "lib/members/actions": "domain-actions",
  "lib/organizations/actions": "domain-actions",
  "lib/projects/actions": "domain-actions",
  "lib/onboarding/actions": "domain-actions",
  "lib/attachments/actions": "domain-actions",
  "lib/account/profile-actions": "domain-actions",
  "lib/api-keys/actions": "domain-actions",
  "lib/audit-log/list-action": "domain-actions",
  "lib/audit-log/export-action": "domain-actions",
  "lib/admin/actions/": "domain-actions",
};

const fileElementKeys = Object.keys(fileElements).sort((a, b) => b.length - a.length);

function fileElementOf(normalized) {
  for (const key of fileElementKeys) {
    if (key.endsWith("/") ? normalized.startsWith(key) : normalized === key) {
      return fileElements[key];
    }
  }
  return undefined;
}

const layerOf = new Map(layers.flatMap((names, index) => names.map((name) => [name, index])));

/** The element of a repo-relative module path under lib/ (extension optional), else null. */
export function elementOf(modulePath) {
  const normalized = modulePath.replace(/\.(tsx?|mjs)$/, "").replace(/\/index$/, "");
  if (!normalized.startsWith("lib/")) return null;
  return fileElementOf(normalized) ?? normalized.split("/")[1];
}

export function layerIndex(element) {
  return layerOf.get(element);
}

/** The repo-relative module a specifier names, or null for packages. */
function targetOf(file, specifier) {
  if (specifier.startsWith("@/")) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith(".")) {
    return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  }
  return null;
}

const layersRule = {
  meta: {
    type: "problem",
    docs: { description: "lib/ imports only point down its layers; components/ never import app/" },
    schema: [],
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join("/");
    const from = elementOf(file);
    const inComponents = file.startsWith("components/");
    if (from === null && !inComponents) return {};

    const check = (node, source) => {
      if (!source || typeof source.value !== "string") return;
      const target = targetOf(file, source.value);
      if (target === null) return;
      if (inComponents) {
        if (target.startsWith("app/")) {
          context.report({
            node,
            message:
              "A shared component must not import from app/: move a component used by one route into that route's _components/.",
          });
        }
        return;
      }
      if (target.startsWith("app/") || target.startsWith("components/")) {
        context.report({ node, message: "lib/ must not import from app/ or components/." });
        return;
      }
      const to = elementOf(target);
      if (to === null || to === from) return;
      if (layerIndex(to) === undefined) {
        context.report({ node, message: `lib/${to} has no layer in lint/lib-layers.mjs.` });
      } else if (layerIndex(from) <= layerIndex(to)) {
        context.report({
          node,
          message: `lib/${from} must not import lib/${to}: imports in lib/ only point to lower layers (lint/lib-layers.mjs).`,
        });
      }
    };

    return {
      Program(node) {
        if (from !== null && layerIndex(from) === undefined) {
          context.report({ node, message: `lib/${from} has no layer in lint/lib-layers.mjs.` });
        }
      },
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source : null),
    };
  },
};

export const libLayersPlugin = { rules: { "lib-layers": layersRule } };
