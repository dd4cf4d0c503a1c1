import "server-only";

import { revalidatePath } from "next/cache";
import { requestHost } from "./request-host";

/**
 * After a change to an organization's data: marks that organization's pages stale
 * (app/org/<slug>/...) and nothing else. Never `revalidatePath("/", "layout")`: that also
 * marks the prerendered landing and not-found pages stale, and the next request to
 * regenerate them bakes its own address and query string (a reset token, a new
 * project's id) into the one cached copy every visitor on every host is then served.
 *
 * The slug comes from the host the action was sent to, which the action chain has
 * already checked against the caller's membership before any change was made.
 */
export async function revalidateOrganizationPages(): Promise<void> {
  const host = await requestHost();
  if (host.kind !== "tenant") return;
  revalidatePath(`/org/${host.slug}`, "layout");
}
