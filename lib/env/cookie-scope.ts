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
