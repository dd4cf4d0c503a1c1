import { e2ePort } from "./app";

/**
 * What makes two visited pages "the same page" for the accessibility checks: the host
 * (the site or some organization's subdomain), the path with ids replaced, whether someone
 * is signed in and whether the page answered with an error. Null for pages that are not
 * the app's (the Stripe emulator, about:blank).
 */
export function pageKey(
  url: string,
  { signedIn, status }: { signedIn: boolean; status: number | undefined },
): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.port !== String(e2ePort)) return null;
  const host = siteOf(parsed.hostname);
  if (!host) return null;
  const path = parsed.pathname
    .split("/")
    .map((segment) => (looksLikeId(segment) ? ":id" : segment))
    .join("/");
  const outcome = status && status >= 400 ? ` ${status}` : "";
  return `${signedIn ? "signed-in" : "signed-out"} ${host}${path}${outcome}`;
}

function siteOf(hostname: string): string | null {
  if (hostname === "keel.test" || hostname === "localhost" || hostname === "127.0.0.1") {
    return "site";
  }
  if (hostname.endsWith(".keel.test") || hostname.endsWith(".localhost")) return "org";
  return null;
}

// Database ids (cuid, uuid, the seed's `seed_…`), numbers and tokens; route words have no digits.
function looksLikeId(segment: string): boolean {
  return (
    /^\d+$/.test(segment) ||
    segment.startsWith("seed_") ||
    (segment.length >= 16 && /\d/.test(segment))
  );
}
