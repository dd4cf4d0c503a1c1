export type PolicyInput = {
  nonce?: string;
  scriptHashes: readonly string[];
  development: boolean;
  formActions: readonly string[];
  https: boolean;
  storageOrigin?: string | undefined;
};

export function contentSecurityPolicy(input: PolicyInput): string {
  const scripts = ["'self'"];
  if (input.nonce) scripts.push(`'nonce-${input.nonce}'`);
  scripts.push(...input.scriptHashes);
  if (input.development) scripts.push("'unsafe-eval'");
  const storage = input.storageOrigin ? ` ${input.storageOrigin}` : "";
  const directives = [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Inline style attributes come from React and Tailwind utilities; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${storage}`,
    "font-src 'self' data:",
    `connect-src 'self'${storage}${input.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action ${["'self'", ...input.formActions].join(" ")}${storage}`,
  ];
  if (input.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function formActionSources(options: {
  appUrl: string;
  rootDomain: string;
  stripeApiBase?: string;
  oauthProviders: readonly ("github" | "google")[];
}): string[] {
  const app = new URL(options.appUrl);
  const sources = [app.origin, `${app.protocol}//*.${options.rootDomain}`];
  sources.push("https://checkout.stripe.com", "https://billing.stripe.com");
  if (options.stripeApiBase) sources.push(...stripeEmulatorOrigins(options.stripeApiBase));
  if (options.oauthProviders.includes("github")) sources.push("https://github.com");
  if (options.oauthProviders.includes("google")) sources.push("https://accounts.google.com");
  return [...new Set(sources)];
}

// Its pages are at localhost:<port>, where a form posted before hydration is redirected to.
function stripeEmulatorOrigins(apiBase: string): string[] {
  const api = new URL(apiBase);
  const pages = new URL(api.origin);
  pages.hostname = "localhost";
  return [api.origin, pages.origin];
}

// Subdomains included, so no organization's subdomain is ever downgraded to plain http.
export function strictTransportSecurity(appUrl: string): string | null {
  return new URL(appUrl).protocol === "https:" ? "max-age=63072000; includeSubDomains" : null;
}

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
