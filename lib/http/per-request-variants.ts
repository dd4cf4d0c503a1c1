// proxy.ts serves these prerendered pages' per-request variant for a query, which a prefetch lacks.
export const perRequestVariants: ReadonlyMap<string, string> = new Map([
  ["/sign-in", "/sign-in/session"],
  ["/sign-up", "/sign-up/session"],
]);

export function needsDocumentLoad(href: string): boolean {
  const url = new URL(href, "http://relative.invalid");
  return url.search !== "" && perRequestVariants.has(url.pathname);
}
