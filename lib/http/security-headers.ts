/**
 * The Content-Security-Policy and Strict-Transport-Security of every response (set by
 * proxy.ts). Pure: the inputs come from the environment and the build, so tests can
 * feed it anything.
 *
 * Scripts: no 'unsafe-inline', so a script injected into a page does not run. Pages
 * rendered per request get a fresh nonce, which Next.js puts on its own scripts (it reads
 * the nonce from the request's `content-security-policy` header). Prerendered pages
 * (the landing page, the not-found page) are one file for everyone and cannot carry a
 * nonce: their inline scripts are allowed by their SHA-256 hashes instead, taken from the
 * build's output (lib/http/prerendered-pages.ts), so they stay static.
 */

export type PolicyInput = {
  /** The nonce of a page rendered for this request; none for a prerendered page. */
  nonce?: string;
  /** `'sha256-…'` sources of the inline scripts a prerendered page may run. */
  scriptHashes: readonly string[];
  /** `next dev`: React's dev tooling needs eval, and hot reload a websocket. */
  development: boolean;
  /** Origins forms may submit to (and be redirected to) besides this one. */
  formActions: readonly string[];
  /** Upgrade http subresources when the app itself is served over https. */
  https: boolean;
};

export function contentSecurityPolicy(input: PolicyInput): string {
  const scripts = ["'self'"];
  if (input.nonce) scripts.push(`'nonce-${input.nonce}'`);
  scripts.push(...input.scriptHashes);
  if (input.development) scripts.push("'unsafe-eval'");
  const directives = [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Inline style attributes come from React and Tailwind utilities; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${input.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action ${["'self'", ...input.formActions].join(" ")}`,
  ];
  if (input.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * Where forms may go: the app's own hosts (the root host and every organization's
 * subdomain), Stripe's Checkout and billing portal, the local Stripe emulator when it
 * stands in for Stripe, and the OAuth providers that are configured.
 */
export function formActionSources(options: {
  appUrl: string;
  rootDomain: string;
  stripeApiBase?: string;
  oauthProviders: readonly ("github" | "google")[];
}): string[] {
  const app = new URL(options.appUrl);
  const sources = [app.origin, `${app.protocol}//*.${options.rootDomain}`];
  sources.push("https://checkout.stripe.com", "https://billing.stripe.com");
  if (options.stripeApiBase) sources.push(new URL(options.stripeApiBase).origin);
  if (options.oauthProviders.includes("github")) sources.push("https://github.com");
  if (options.oauthProviders.includes("google")) sources.push("https://accounts.google.com");
  return [...new Set(sources)];
}

/**
 * Two years, subdomains included, and only when the app is served over https: a browser
 * that saw it once never downgrades any organization's subdomain to plain http.
 */
export function strictTransportSecurity(appUrl: string): string | null {
  return new URL(appUrl).protocol === "https:" ? "max-age=63072000; includeSubDomains" : null;
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
