import type { ReactNode } from "react";

/**
 * The internal segment behind organization subdomains. It exists so that a notFound()
 * raised by an organization's layout shows app/org/not-found.tsx ("no organization at
 * this address") rather than the site's generic 404.
 */
export default function OrganizationsSegmentLayout({ children }: { children: ReactNode }) {
  return children;
}
