import "server-only";

import { isIP } from "node:net";
import { headers } from "next/headers";

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
 * Trust assumption: the app runs behind a proxy that overwrites `x-real-ip` and
 * `x-forwarded-for` with the address it received the connection from (Vercel does).
 * Behind a proxy that appends to `x-forwarded-for` instead, or with no proxy at all,
 * the client chooses these values; configure the proxy to overwrite them.
 */
export function clientInfoFrom(headers: Headers): ClientInfo {
  // With several x-forwarded-for headers, Headers.get joins them with ", ", so the
  // first entry is still the one the outermost proxy wrote.
  const firstForwardedFor = headers.get("x-forwarded-for")?.split(",")[0];
  return {
    ipAddress: parseIpAddress(headers.get("x-real-ip")) ?? parseIpAddress(firstForwardedFor),
    userAgent: headers.get("user-agent")?.trim() || null,
  };
}

/** `clientInfoFrom` for the request being handled (server components, actions, route handlers). */
export async function requestClientInfo(): Promise<ClientInfo> {
  return clientInfoFrom(await headers());
}
