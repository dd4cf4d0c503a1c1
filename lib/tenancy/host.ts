import { slugProblem } from "./slug";

/**
 * Which part of the app a Host header addresses. Pure (the root domain is a parameter),
 * so the proxy, the pages and the tests share one parser.
 */
export type TenantHost = { kind: "root" } | { kind: "tenant"; slug: string } | { kind: "unknown" };

const VERCEL_SUFFIX = ".vercel.app";
// Vercel forbids "---" in project names, so it can only be our slug separator.
const PREVIEW_SEPARATOR = "---";

/**
 * `keel.app` and `www.keel.app` are the root host; `acme.keel.app` is the organization
 * `acme`. The comparison includes the port when the root domain has one, so
 * `acme.localhost:3000` works in development and `acme.localhost:3001` does not. Vercel
 * previews carry the slug before `---`: `acme---fix-login.keel.vercel.app` (or
 * `acme---keel-git-fix-login.vercel.app`). Anything else — foreign hosts, IP addresses,
 * nested subdomains, malformed or reserved slugs — is "unknown".
 */
export function parseTenantHost(host: string | null, rootDomain: string): TenantHost {
  if (!host || host.length > 253) return { kind: "unknown" };
  const normalized = host.toLowerCase();
  const root = rootDomain.toLowerCase();
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/.test(normalized)) return { kind: "unknown" };

  if (normalized === root || normalized === `www.${root}`) return { kind: "root" };
  if (normalized.endsWith(`.${root}`)) {
    return tenant(normalized.slice(0, -(root.length + 1)));
  }
  if (normalized.endsWith(VERCEL_SUFFIX)) {
    return parseVercelHost(normalized.slice(0, -VERCEL_SUFFIX.length));
  }
  return { kind: "unknown" };
}

/** `<label>` or `<label>.<project>` in front of `.vercel.app`. */
function parseVercelHost(prefix: string): TenantHost {
  const labels = prefix.split(".");
  if (labels.length > 2 || labels.some((label) => !label)) return { kind: "unknown" };
  const first = labels[0] ?? "";
  const separator = first.indexOf(PREVIEW_SEPARATOR);
  if (separator === -1) return { kind: "root" };
  return tenant(first.slice(0, separator));
}

function tenant(label: string): TenantHost {
  // A dot means more than one label (a.b.keel.app); slugProblem refuses it with the rest.
  if (slugProblem(label) !== null) return { kind: "unknown" };
  return { kind: "tenant", slug: label };
}

/** The absolute URL of `path` on an organization's subdomain, e.g. `https://acme.keel.app/settings`. */
export function tenantUrl(
  slug: string,
  path: string,
  options: { appUrl: string; rootDomain: string },
): string {
  if (slugProblem(slug) !== null) throw new Error(`Not a valid organization slug: ${slug}`);
  const { protocol } = new URL(options.appUrl);
  const normalizedPath = path.startsWith("/") ? path : `/${path}`;
  return `${protocol}//${slug}.${options.rootDomain.toLowerCase()}${normalizedPath}`;
}
