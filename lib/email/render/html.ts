import { escapeHtml } from "./escape";
import type { HostElement, HostNode } from "./element-tree";
import { assertSafeUrl } from "./safe-url";

const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

// Nothing that runs code or loads another document belongs in an email.
const REFUSED_ELEMENTS = new Set(["script", "iframe", "object", "embed", "frame", "frameset"]);

// React's spellings of the attributes emails use; any other camelCase name is refused.
const ATTRIBUTE_NAMES: Record<string, string> = {
  className: "class",
  htmlFor: "for",
  httpEquiv: "http-equiv",
  charSet: "charset",
  cellPadding: "cellpadding",
  cellSpacing: "cellspacing",
  colSpan: "colspan",
  rowSpan: "rowspan",
  bgColor: "bgcolor",
  vAlign: "valign",
};

const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "background", "poster"]);

// Instructions for the text version, not part of the HTML.
const TEXT_ONLY_PROPS = new Set(["data-text", "key", "ref"]);

const UNITLESS_STYLES = new Set(["opacity", "lineHeight", "fontWeight", "zIndex", "flexGrow"]);

function attributeName(name: string): string {
  const mapped = ATTRIBUTE_NAMES[name];
  if (mapped) return mapped;
  if (!/^[a-z][a-z0-9-]*$/.test(name) || name.startsWith("on")) {
    throw new Error(`Emails do not support the attribute "${name}".`);
  }
  return name;
}

function cssName(property: string): string {
  if (property.startsWith("--")) return property;
  return property
    .replace(/^(Webkit|Moz|ms)(?=[A-Z])/, (prefix) => `-${prefix.toLowerCase()}`)
    .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function styleText(style: unknown): string {
  if (typeof style !== "object" || style === null) {
    throw new Error("An email's style attribute must be an object, as in React.");
  }
  let css = "";
  for (const [property, value] of Object.entries(style)) {
    if (value === null || value === undefined || value === "" || typeof value === "boolean") {
      continue;
    }
    const text =
      typeof value === "number" && value !== 0 && !UNITLESS_STYLES.has(property)
        ? `${value}px`
        : String(value);
    css += `${cssName(property)}:${text};`;
  }
  return css;
}

function attributesHtml(props: HostElement["props"]): string {
  let html = "";
  for (const [name, value] of Object.entries(props)) {
    if (TEXT_ONLY_PROPS.has(name)) continue;
    if (name === "dangerouslySetInnerHTML") {
      throw new Error("Emails escape everything: dangerouslySetInnerHTML is refused.");
    }
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function" || typeof value === "symbol") {
      throw new Error(`Emails cannot carry code in the attribute "${name}".`);
    }
    const attribute = attributeName(name);
    let text: string;
    if (name === "style") text = styleText(value);
    else if (value === true) text = /^(data|aria)-/.test(attribute) ? "true" : "";
    else text = String(value);
    if (URL_ATTRIBUTES.has(attribute)) text = assertSafeUrl(text);
    html += ` ${attribute}="${escapeHtml(text)}"`;
  }
  return html;
}

// A style sheet is the one raw text an email holds: it comes from our code, never user data.
function styleSheet(children: HostNode[]): string {
  const css = children
    .map((child) => {
      if (typeof child !== "string") throw new Error("A <style> element holds only text.");
      return child;
    })
    .join("");
  if (/<\//.test(css)) throw new Error("A <style> element cannot contain a closing tag.");
  return css;
}

function elementHtml(element: HostElement): string {
  const { tag } = element;
  if (!/^[a-z][a-z0-9]*$/.test(tag) || REFUSED_ELEMENTS.has(tag)) {
    throw new Error(`Emails do not support the <${tag}> element.`);
  }
  const open = `<${tag}${attributesHtml(element.props)}>`;
  if (VOID_ELEMENTS.has(tag)) {
    if (element.children.length > 0) throw new Error(`<${tag}> cannot have children.`);
    return open;
  }
  const inner = tag === "style" ? styleSheet(element.children) : renderHtml(element.children);
  return `${open}${inner}</${tag}>`;
}

/** Static markup: text and attribute values escaped, links checked, no hydration markers. */
export function renderHtml(nodes: readonly HostNode[]): string {
  return nodes
    .map((node) => (typeof node === "string" ? escapeHtml(node) : elementHtml(node)))
    .join("");
}
