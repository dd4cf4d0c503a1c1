import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { elementOf } from "../lint/lib-layers.mjs";

/**
 * Prints the folder-level import graph of lib/ (folder = first segment under lib/) and its
 * cycles. File-level tools miss these: two folders can import each other through different files.
 * `npx tsx scripts/import-graph.ts [--json] [--folders]`; exits 1 when the graph has a cycle.
 * Nodes are the elements of lint/lib-layers.mjs (folders, plus the few files it places in
 * another layer until they move); --folders ignores those exceptions.
 */

const root = path.resolve(import.meta.dirname, "..");
const libDir = path.join(root, "lib");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

/**
 * Every module specifier a file imports, re-exports or loads with import(); with
 * `typeOnly: false`, not those of `import type` and `export type`, which bring no code.
 */
export function specifiers(file: string, { typeOnly = true } = {}): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const onlyTypes = ts.isImportDeclaration(node)
        ? (node.importClause?.isTypeOnly ?? false)
        : node.isTypeOnly;
      if (typeOnly || !onlyTypes) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

type NodeOf = (repoPath: string) => string | null;

/** First segment under lib/; a file directly in lib/ is its own node ("env.ts" → "env"). */
export const folderOf: NodeOf = (repoPath) =>
  repoPath.startsWith("lib/") ? repoPath.split("/")[1]!.replace(/\.tsx?$/, "") : null;

/** The path a specifier of the repository's own code names, without its extension; null for a package. */
export function ownPath(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.join(root, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(file), specifier);
  return null;
}

function targetOf(file: string, specifier: string, nodeOf: NodeOf): string | null {
  const absolute = ownPath(file, specifier);
  return absolute && nodeOf(path.relative(root, absolute).split(path.sep).join("/"));
}

export function folderGraph(nodeOf: NodeOf = elementOf): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(libDir)) {
    const from = nodeOf(path.relative(root, file).split(path.sep).join("/"))!;
    const edges = graph.get(from) ?? new Map<string, string[]>();
    graph.set(from, edges);
    for (const specifier of specifiers(file)) {
      const to = targetOf(file, specifier, nodeOf);
      if (!to || to === from || to === "generated") continue;
      edges.set(to, [...(edges.get(to) ?? []), path.relative(root, file)]);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan). */
export function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string) => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!indices.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) connect(node);
  return components;
}

if (import.meta.filename === process.argv[1]) {
  const graph = folderGraph(process.argv.includes("--folders") ? folderOf : elementOf);
  const found = cycles(graph);
  if (process.argv.includes("--json")) {
    const plain = Object.fromEntries(
      [...graph].map(([from, edges]) => [from, Object.fromEntries(edges)]),
    );
    console.log(JSON.stringify({ graph: plain, cycles: found }, null, 2));
  } else {
    for (const [from, edges] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`${from} → ${[...edges.keys()].sort().join(", ") || "(nothing)"}`);
    }
    console.log(found.length ? "" : "\nNo cycles.");
    for (const component of found) {
      const members = new Set(component);
      console.log(`Cycle between ${component.join(", ")}:`);
      for (const from of component) {
        for (const [to, files] of graph.get(from) ?? []) {
          if (members.has(to))
            console.log(`  ${from} → ${to}  (${[...new Set(files)].join(", ")})`);
        }
      }
    }
  }
  process.exitCode = found.length ? 1 : 0;
}
