import "server-only";

import { isIP } from "node:net";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import type { TrustedProxy } from "@/lib/env/schema";

export type ClientInfo = { ipAddress: string | null; userAgent: string | null };

// Longer than any IPv6 address with brackets and a port; anything longer is garbage.
const MAX_ADDRESS_LENGTH = 64;

/**
 * One IP address in canonical form, or null for anything else (lists, host names,
 * zone ids, junk). Accepts what proxies write: IPv4 or IPv6, optionally bracketed or
 * with a port. IPv6 comes back compressed and lower-case, and an IPv4-mapped address
 * (`::ffff:203.0.113.7`) as the IPv4 address it carries, so one client logs one way.
 */
export function parseIpAddress(value: string | null | undefined): string | null {
  let candidate = value?.trim() ?? "";
  if (candidate === "" || candidate.length > MAX_ADDRESS_LENGTH) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(candidate);
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(candidate);
  candidate = bracketed?.[1] ?? ipv4WithPort?.[1] ?? candidate;

  const version = isIP(candidate);
  if (version === 4) return candidate;
  if (version !== 6) return null;
  let canonical: string;
  try {
    // The URL parser serializes IPv6 canonically and refuses zone ids ("fe80::1%eth0").
    canonical = new URL(`http://[${candidate}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const high = Number.parseInt(mapped[1] ?? "", 16);
  const low = Number.parseInt(mapped[2] ?? "", 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/**
 * Who sent a request, for audit records and rate-limit keys: never for authorization.
 *
 * Any client can send `x-real-ip`, `x-forwarded-for` or `cf-connecting-ip`; only a
 * proxy in front of the app makes one trustworthy, and which one depends on the proxy.
 * TRUSTED_PROXY says which (see lib/env/schema.ts):
 * - `vercel`: Vercel overwrites `x-real-ip` (and `x-forwarded-for`, whose right-most
 *   entry is then the client) with the address it received the connection from.
 * - `cloudflare`: `cf-connecting-ip`, which Cloudflare overwrites. Only sound when the
 *   origin accepts connections from Cloudflare alone.
 * - N hops: each of the N proxies you run appends the address it received the connection
 *   from to `x-forwarded-for`, so the Nth entry from the right was written by the outermost
 *   one; everything to its left is the client's own say. Fewer entries than N means the
 *   request did not come through the proxies: no address.
 * - `none`: no header is trusted. Next.js route handlers and server actions do not expose
 *   the socket's address, so the client is unknown (null): audit entries carry no IP, and
 *   per-IP limits count every client in one shared bucket (`ipRateLimitKey(null)`). That
 *   fails closed (a flood slows everyone down rather than letting anyone through); the
 *   per-account and per-recipient limits still hold. The server warns at start in production.
 */
export function clientInfoFrom(
  headers: Headers,
  trust: TrustedProxy = env.trustedProxy,
): ClientInfo {
  return {
    ipAddress: trustedAddress(headers, trust),
    userAgent: headers.get("user-agent")?.trim() || null,
  };
}

function trustedAddress(headers: Headers, trust: TrustedProxy): string | null {
  // With several x-forwarded-for headers, Headers.get joins them with ", " in order.
  const forwardedFor = (headers.get("x-forwarded-for") ?? "").split(",").map((e) => e.trim());
  const fromRight = (n: number) =>
    forwardedFor.length >= n ? parseIpAddress(forwardedFor[forwardedFor.length - n]) : null;
  switch (trust.kind) {
    case "vercel":
      return parseIpAddress(headers.get("x-real-ip")) ?? fromRight(1);
    case "cloudflare":
      return parseIpAddress(headers.get("cf-connecting-ip"));
    case "hops":
      return fromRight(trust.hops);
    case "none":
      return null;
  }
}

/**
 * The key per-IP rate limits count under, the one place addresses are grouped: an IPv4
 * address as is, an IPv6 address by its /64 (one subscriber usually holds a whole /64 and
 * can rotate through 2^64 addresses in it), and no address as one shared "unknown" key.
 */
export function ipRateLimitKey(ipAddress: string | null): string {
  const ip = parseIpAddress(ipAddress);
  if (ip === null) return "unknown";
  if (isIP(ip) === 4) return ip;
  // Expand "::" so the first four groups can be read off.
  const [head = "", tail = ""] = ip.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = ip.includes("::") ? (tail === "" ? [] : tail.split(":")) : [];
  const groups = ip.includes("::")
    ? [
        ...headGroups,
        ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"),
        ...tailGroups,
      ]
    : headGroups;
  const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${prefix.join(":")}::/64`;
}

/** `clientInfoFrom` for the request being handled (server components, actions, route handlers). */
export async function requestClientInfo(): Promise<ClientInfo> {
  return clientInfoFrom(await headers());
}
