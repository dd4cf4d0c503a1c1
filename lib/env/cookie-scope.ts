// Hosting platforms' shared domains, all on the Public Suffix List: each customer host under one is
// a site of its own, the platform serves no subdomain of it, and a browser refuses a cookie for the
// suffix itself. No organization can live there, so cookies stay host-only.
const platformSuffixes = [
  "vercel.app",
  "netlify.app",
  "pages.dev",
  "fly.dev",
  "onrender.com",
  "up.railway.app",
  "herokuapp.com",
];

/** True for a platform's shared suffix (`vercel.app`) and every host under it. */
export function onPlatformSuffix(host: string): boolean {
  const name = host.replace(/:\d+$/, "").toLowerCase();
  return platformSuffixes.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

// The session cookie's Domain reaches every host under ROOT_DOMAIN; an app on a subdomain of it
// means the domain is shared with the company's other sites.
export function sharedDomainWarning(appUrl: string, rootDomain: string): string | null {
  const root = rootDomain.replace(/:\d+$/, "").toLowerCase();
  let appHost: string;
  try {
    appHost = new URL(appUrl).hostname.toLowerCase();
  } catch {
    return null;
  }
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
