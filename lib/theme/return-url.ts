// Only an allowed host's origin, path and query are kept, so the form cannot redirect off-site.
export function themeReturnUrl(
  referer: string | null,
  options: { protocol: string; isAllowedHost: (host: string) => boolean; fallback: string },
): string {
  if (!referer) return options.fallback;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return options.fallback;
  }
  if (url.protocol !== options.protocol || url.username || url.password) return options.fallback;
  if (!options.isAllowedHost(url.host)) return options.fallback;
  return `${url.origin}${url.pathname}${url.search}`;
}
