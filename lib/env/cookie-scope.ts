/**
 * Whether the configuration looks like organizations share a company's main domain.
 *
 * The session cookie is set with `Domain=<ROOT_DOMAIN>` so one sign-in covers every
 * organization's subdomain; it also reaches every OTHER host under that domain (a status
 * page, a help centre, a marketing CMS, a forgotten CNAME to a third party). Only a
 * domain dedicated to the app keeps it among the app's own hosts.
 *
 * What the environment can tell: where the app itself (APP_URL) lives relative to
 * ROOT_DOMAIN. When the app sits on a subdomain of ROOT_DOMAIN (`app.acme.com` with
 * ROOT_DOMAIN `acme.com`), the root and its siblings are someone else's: the company
 * site, `www`, `status`, `help`. That is the shape of a shared company domain, and the
 * cookie would reach all of it. When the app is served from ROOT_DOMAIN itself (or its
 * `www`), the domain is the app's own, which is the recommended set-up (e.g.
 * `acmeapp.com` or `app.acme.com` as ROOT_DOMAIN with organizations at
 * `<slug>.app.acme.com`). Whether a dedicated-looking domain also hosts other
 * services cannot be seen from here: the deploy guide says to keep it app-only.
 *
 * Pure, so next.config.ts (through env-schema) and the tests can call it.
 */
export function sharedDomainWarning(appUrl: string, rootDomain: string): string | null {
  const root = rootDomain.replace(/:\d+$/, "").toLowerCase();
  let appHost: string;
  try {
    appHost = new URL(appUrl).hostname.toLowerCase();
  } catch {
    return null;
  }
  // Host-only cookies (localhost, IPs, single labels) are not shared with anything.
  if (!root.includes(".") || root === "localhost" || root.endsWith(".localhost")) return null;
  if (/^[\d.]+$/.test(root) || root.includes(":")) return null;
  if (appHost === root || appHost === `www.${root}`) return null;
  if (!appHost.endsWith(`.${root}`)) return null;
  return (
    `ROOT_DOMAIN is ${root} but the app is served from ${appHost}: the session cookie is set on ` +
    `${root} and reaches every host under it (company site, status page, help centre). ` +
    `Serve organizations from a domain dedicated to the app (e.g. ROOT_DOMAIN=${appHost}); see "Deploying" in the README.`
  );
}
