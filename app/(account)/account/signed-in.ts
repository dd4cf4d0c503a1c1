import "server-only";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";

/** An account action's result, or a redirect to sign in that comes back to the account page. */
export function signedIn<T>(result: ActionResult<T>): ActionResult<T> {
  if (!result.ok && result.status === 401) redirect("/sign-in?callbackUrl=%2Faccount");
  return result;
}
