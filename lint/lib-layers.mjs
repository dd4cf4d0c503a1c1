import path from "node:path";

/**
 * The layers of lib/, lowest first. An element (a folder under lib/) may import only
 * elements of lower layers, so the folder graph stays acyclic; two elements that need each
 * other mean one of them holds something that belongs in a lower element.
 */
export const layers = [
  ["env", "crypto", "errors", "generated"],
  ["observability"],
  ["db", "http", "email", "rate-limit", "forms"],
  // Writers every domain uses: the audit recorder, the queue's enqueue side.
  ["audit", "outbox", "jobs", "health"],
  ["auth"],
  // Tenancy resolves the current member from the session; delivery runs auth's jobs.
  ["tenancy", "outbox-delivery"],
  ["actions"],
  ["billing"],
  ["organizations", "members", "invitations", "projects", "audit-log"],
  // Account-level flows that span organizations and billing (deletion, export).
  ["account"],
];

/**
 * Files that belong to another element than their folder's, until they move: domain errors
 * go to lib/errors/; the account request pipeline is folded into lib/actions; the outbox's
 * delivery side (which runs job handlers from the domains) becomes the job queue's runner.
 */
export const fileElements = {
  "lib/actions/errors": "errors",
  "lib/auth/flows/requests": "actions",
  "lib/outbox/deliver": "outbox-delivery",
  "lib/outbox/jobs": "outbox-delivery",
  "lib/outbox/after-response": "outbox-delivery",
};

const layerOf = new Map(layers.flatMap((names, index) => names.map((name) => [name, index])));

/** The element of a repo-relative module path under lib/ (extension optional), else null. */
export function elementOf(modulePath) {
  const normalized = modulePath.replace(/\.(tsx?|mjs)$/, "").replace(/\/index$/, "");
  if (!normalized.startsWith("lib/")) return null;
  return fileElements[normalized] ?? normalized.split("/")[1];
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
