import "server-only";

import { isIP } from "node:net";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import type { TrustedProxy } from "@/lib/env/schema";

export type ClientInfo = { ipAddress: string | null; userAgent: string | null };

const MAX_ADDRESS_LENGTH = 64;

// IPv6 comes back compressed and lower-case and IPv4-mapped as IPv4, so one client logs one way.
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

// Audit and rate-limit keys only, never authorization: trust comes only from TRUSTED_PROXY
// (lib/env/schema.ts); `cloudflare` needs an origin only Cloudflare reaches; `none` fails closed.
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

// IPv6 by its /64: one subscriber usually holds a whole /64 and can rotate through it.
export function ipRateLimitKey(ipAddress: string | null): string {
  const ip = parseIpAddress(ipAddress);
  if (ip === null) return "unknown";
  if (isIP(ip) === 4) return ip;
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

export async function requestClientInfo(): Promise<ClientInfo> {
  return clientInfoFrom(await headers());
}
