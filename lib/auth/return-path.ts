import "server-only";

import { headers } from "next/headers";
import { REQUEST_PATH_HEADER, returnPathFrom } from "@/lib/http/request-path";

/** Where a signed-out visitor was going, for the sign-in page's callbackUrl. */
export async function requestedPath(fallback: string): Promise<string> {
  return returnPathFrom((await headers()).get(REQUEST_PATH_HEADER), fallback);
}
