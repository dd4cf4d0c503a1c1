import { slugProblem } from "./slug";

export type TenantHost = { kind: "root" } | { kind: "tenant"; slug: string } | { kind: "unknown" };

const VERCEL_SUFFIX = ".vercel.app";
// Vercel forbids "---" in project names, so it can only be our slug separator.
const PREVIEW_SEPARATOR = "---";

// The port is compared too, so `acme.localhost:3001` is not `acme.localhost:3000`'s tenant.
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

function parseVercelHost(prefix: string): TenantHost {
  const labels = prefix.split(".");
  if (labels.length > 2 || labels.some((label) => !label)) return { kind: "unknown" };
  const first = labels[0] ?? "";
  const separator = first.indexOf(PREVIEW_SEPARATOR);
  if (separator === -1) return { kind: "root" };
  return tenant(first.slice(0, separator));
}

function tenant(label: string): TenantHost {
  if (slugProblem(label) !== null) return { kind: "unknown" };
  return { kind: "tenant", slug: label };
}

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
