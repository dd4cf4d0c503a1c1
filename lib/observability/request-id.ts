import type { TrustedProxy } from "@/lib/env/schema";

// Runs on the edge runtime too: no Node modules here.

export const REQUEST_ID_HEADER = "x-request-id";

const upstreamHeader: Record<TrustedProxy["kind"], string | null> = {
  vercel: "x-vercel-id",
  cloudflare: "cf-ray",
  hops: REQUEST_ID_HEADER,
  none: null,
};

const acceptable = /^[A-Za-z0-9._:-]{8,128}$/;

// A client's own X-Request-Id counts only behind a proxy that sets it.
export function requestIdFor(headers: Headers, trust: TrustedProxy): string {
  const name = upstreamHeader[trust.kind];
  const upstream = name ? headers.get(name)?.trim() : undefined;
  if (upstream && acceptable.test(upstream)) return upstream;
  return crypto.randomUUID();
}
