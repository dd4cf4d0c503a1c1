import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";

// A route wrapper's headers, or Next's own for a server action: the chain sees what the handler sees.
const scope = new AsyncLocalStorage<Headers>();

export function withRequestHeaders<T>(requestHeaders: Headers, work: () => Promise<T>): Promise<T> {
  return scope.run(requestHeaders, work);
}

export async function requestHeaders(): Promise<Headers> {
  return scope.getStore() ?? (await headers());
}
