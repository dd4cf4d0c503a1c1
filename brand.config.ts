/**
 * The brand: every name, address, colour and link a visitor, customer or authenticator app sees.
 * Renaming the product is one edit: `name` below. tests/unit/brand-single-source.test.ts fails
 * when the name is written anywhere else in the app's code, so nothing drifts back.
 *
 * What is not here, and why:
 * - The app's own address is APP_URL (and ROOT_DOMAIN): it differs per deployment, so it is an
 *   environment variable, as is EMAIL_FROM, which overrides the sender address below.
 * - The web's accent scale is `--color-brand-50` … `-950` in app/globals.css: Tailwind reads its
 *   theme from CSS, so the scale stays there. `colors.accent` is the same hue as one hex colour,
 *   for what cannot read CSS: emails and the browser's theme colour. A new accent is two edits,
 *   this file and that scale; public/favicon.svg draws the mark in the same colour.
 * - The logo: public/favicon.svg, drawn again inline by components/shell/logo-mark.tsx so it can
 *   follow dark mode. Replace both; the wordmark is the logo mark followed by `name`.
 * - Internal identifiers that contain the original name (the `keel_app` database role, cookie
 *   names, KEEL_* environment variables, API key and Stripe lookup key prefixes, metric names)
 *   stay as they are when you rename: deployments, issued keys and Stripe accounts depend on them.
 *   The test's allow-list says why for each.
 */
export type Brand = {
  /** The product's name as people read it: titles, emails, the footer, authenticator apps. */
  name: string;
  /** The name in the names of downloaded files (data exports, CSVs): lowercase, hyphens. */
  fileSlug: string;
  /** The short claim after the name in the landing page's title. */
  tagline: string;
  /** One sentence for search results and link previews. */
  description: string;
  /** The marketing site. Problem type URLs of the JSON API live under it (`/problems/<code>`). */
  url: `https://${string}`;
  /** Where customers write for help: linked from the footer and the error pages. */
  supportEmail: string;
  /** Where "contact us" for the Enterprise option (a dedicated database) writes to. */
  salesEmail: string;
  email: {
    /** Display name on every email. An EMAIL_FROM without a name gets this one. */
    senderName: string;
    /** Sender address when EMAIL_FROM is unset: local development and tests. */
    defaultAddress: string;
  };
  colors: {
    /** The accent as hex: the emails' button and the browser's theme colour. */
    accent: `#${string}`;
    /** Text on the accent; keep a contrast of at least 4.5:1. */
    onAccent: `#${string}`;
  };
  logo: {
    /** The mark, in public/: favicon and link previews. */
    mark: `/${string}`;
  };
  social: {
    /** The source repository: the footer's GitHub links and the docs link. */
    github: `https://${string}`;
    x?: `https://${string}`;
    linkedin?: `https://${string}`;
  };
  legal: {
    /** Who holds the copyright, for the footer. */
    companyName: string;
  };
  /** The account name authenticator apps show next to the 6-digit code. */
  totpIssuer: string;
};

const name = "Keel";

export const brand = {
  name,
  fileSlug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
  tagline: "The SaaS starter for Next.js",
  description: "The SaaS starter for Next.js with organizations, auth and billing done properly.",
  url: "https://keel.dev",
  supportEmail: "support@keel.dev",
  salesEmail: "sales@keel.dev",
  email: { senderName: name, defaultAddress: "hello@keel.localhost" },
  colors: { accent: "#0a5c8f", onAccent: "#ffffff" },
  logo: { mark: "/favicon.svg" },
  social: { github: "https://github.com/keel-dev/keel" },
  legal: { companyName: `The ${name} contributors` },
  totpIssuer: name,
} as const satisfies Brand;
