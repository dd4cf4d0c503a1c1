// React elements are plain objects: this walks them without react-dom, so rendering works
// wherever an email is queued, including under the `react-server` condition (Next's server
// actions and route handlers, and the scripts run with `--conditions=react-server`), where
// `react-dom/server` refuses to load.

export type HostElement = {
  tag: string;
  props: Readonly<Record<string, unknown>>;
  children: HostNode[];
};
export type HostNode = string | HostElement;

const ELEMENT_TYPES = new Set([
  Symbol.for("react.transitional.element"),
  Symbol.for("react.element"),
]);
const FRAGMENT = Symbol.for("react.fragment");
const FORWARD_REF = Symbol.for("react.forward_ref");
const MEMO = Symbol.for("react.memo");

type ElementLike = { $$typeof: symbol; type: unknown; props: Record<string, unknown> };

function isElement(node: object): node is ElementLike {
  return ELEMENT_TYPES.has((node as { $$typeof?: symbol }).$$typeof as symbol);
}

/** The HTML elements and text a node stands for, with every component called. */
export function expandNode(node: unknown): HostNode[] {
  if (node === null || node === undefined || typeof node === "boolean") return [];
  if (typeof node === "string") return node === "" ? [] : [node];
  if (typeof node === "number" || typeof node === "bigint") return [String(node)];
  if (Array.isArray(node)) return node.flatMap(expandNode);
  if (typeof node === "object") {
    if (isElement(node)) return expandElement(node.type, node.props);
    if ("then" in node) {
      throw new Error("Email components render synchronously: no async components or promises.");
    }
    if (Symbol.iterator in node) return [...(node as Iterable<unknown>)].flatMap(expandNode);
  }
  throw new Error(`An email cannot render a ${typeof node}.`);
}

function expandElement(type: unknown, props: Record<string, unknown>): HostNode[] {
  if (type === FRAGMENT) return expandNode(props.children);
  if (typeof type === "string") {
    const { children, ...attributes } = props;
    return [{ tag: type, props: attributes, children: expandNode(children) }];
  }
  if (typeof type === "function") {
    if ((type.prototype as { isReactComponent?: unknown } | undefined)?.isReactComponent) {
      throw new Error("Email components must be functions, not classes.");
    }
    return expandNode((type as (props: Record<string, unknown>) => unknown)(props));
  }
  if (typeof type === "object" && type !== null) {
    const wrapper = type as { $$typeof?: symbol; render?: unknown; type?: unknown };
    if (wrapper.$$typeof === FORWARD_REF && typeof wrapper.render === "function") {
      const { ref: _ref, ...rest } = props;
      return expandNode((wrapper.render as (props: object, ref: null) => unknown)(rest, null));
    }
    if (wrapper.$$typeof === MEMO) return expandElement(wrapper.type, props);
  }
  throw new Error("An email can hold only HTML elements, fragments and function components.");
}
