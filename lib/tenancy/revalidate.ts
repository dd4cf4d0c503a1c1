import "server-only";

import { revalidatePath } from "next/cache";
import { requestHost } from "./request-host";

// Never `revalidatePath("/", "layout")`: the page regenerated next would bake one visitor's
// address and query string (a reset token) into the copy every host is then served.
export async function revalidateOrganizationPages(): Promise<void> {
  const host = await requestHost();
  if (host.kind !== "tenant") return;
  revalidatePath(`/org/${host.slug}`, "layout");
}
