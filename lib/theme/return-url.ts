/**
 * Where the theme form sends the browser back: the page it was posted from, when that page is on
 * one of our hosts; otherwise the fallback. Only the Referer's origin, path and query are kept,
 * and only after its host is checked, so the form cannot be used to redirect to another site.
 */
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
