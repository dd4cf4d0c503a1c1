import "server-only";

import { headers } from "next/headers";
import {
  enrichContext,
  runWithRequestContext,
  setContextOrganization,
  setContextUser,
} from "./context";
import { REQUEST_ID_HEADER } from "./request-id";

/** The id proxy.ts gave this request, when there is one. */
export async function currentRequestId(): Promise<string | undefined> {
  return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
}

/**
 * Runs a server action or route handler in its request's context, named `route`. `fn`
 * starts at once: the request id is filled in alongside, so the caller's first reads of
 * the request (its cookies) happen exactly when they would without this wrapper.
 */
export function runInRequestContext<T>(route: string, fn: () => Promise<T>): Promise<T> {
  return runWithRequestContext({ route }, async () => {
    const result = fn();
    const requestId = await currentRequestId().catch(() => undefined);
    if (requestId) enrichContext({ requestId });
    return result;
  });
}

/** For pages: the member the page was rendered for, once verified. */
export function setContextMember(member: {
  userId: string;
  organization: { id: string; slug: string };
}): void {
  setContextUser(member.userId);
  setContextOrganization(member.organization);
}
