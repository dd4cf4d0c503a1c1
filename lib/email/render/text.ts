import type { HostNode } from "./element-tree";

// Never shown as text: the document's head, and what a reader cannot see.
const SKIPPED_ELEMENTS = new Set(["head", "style", "title", "script"]);
const BLOCK_ELEMENTS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre"]);

function textContent(nodes: readonly HostNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === "string") return node;
      if (node.tag === "br") return "\n";
      return textContent(node.children);
    })
    .join("");
}

function collectBlocks(nodes: readonly HostNode[], blocks: string[]): void {
  for (const node of nodes) {
    if (typeof node === "string") {
      if (node.trim()) blocks.push(node.trim());
      continue;
    }
    const skip = node.props["data-skip-in-text"];
    if (SKIPPED_ELEMENTS.has(node.tag) || skip === true || skip === "true") continue;
    const replacement = node.props["data-text"];
    if (typeof replacement === "string") {
      blocks.push(replacement);
    } else if (BLOCK_ELEMENTS.has(node.tag)) {
      const text = textContent(node.children).trim();
      if (text) blocks.push(text);
    } else {
      collectBlocks(node.children, blocks);
    }
  }
}

/**
 * The plain-text version from the same tree as the HTML: one block per heading or paragraph,
 * separated by blank lines. An element with `data-text` stands for that text instead (a button
 * becomes "Label: URL"); one with `data-skip-in-text` is left out (the preview line, the logo).
 */
export function renderText(nodes: readonly HostNode[]): string {
  const blocks: string[] = [];
  collectBlocks(nodes, blocks);
  return `${blocks.join("\n\n")}\n`;
}
