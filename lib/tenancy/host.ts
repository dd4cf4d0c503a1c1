import { onPlatformSuffix } from "@/lib/env/cookie-scope";
import { slugProblem } from "./slug";

export type TenantHost = { kind: "root" } | { kind: "tenant"; slug: string } | { kind: "unknown" };

// The port is compared too, so `acme.localhost:3001` is not `acme.localhost:3000`'s tenant. A root
// on a platform's shared domain (a Vercel preview's) has none: the platform serves no subdomain.
export function parseTenantHost(host: string | null, rootDomain: string): TenantHost {
  if (!host || host.length > 253) return { kind: "unknown" };
  const normalized = host.toLowerCase();
  const root = rootDomain.toLowerCase();
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/.test(normalized)) return { kind: "unknown" };

  if (normalized === root) return { kind: "root" };
  if (onPlatformSuffix(root)) return { kind: "unknown" };
  if (normalized === `www.${root}`) return { kind: "root" };
  if (normalized.endsWith(`.${root}`)) {
    return tenant(normalized.slice(0, -(root.length + 1)));
  }
  return { kind: "unknown" };
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
