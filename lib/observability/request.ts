import "server-only";

import { headers } from "next/headers";
import { runWithRequestContext, setContextOrganization, setContextUser } from "./context";
import { REQUEST_ID_HEADER } from "./request-id";

/** The id proxy.ts gave this request, when there is one. */
export async function currentRequestId(): Promise<string | undefined> {
  return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
}

/** Runs a server action or route handler in its request's context, named `route`. */
export async function runInRequestContext<T>(route: string, fn: () => Promise<T>): Promise<T> {
  return runWithRequestContext({ route, requestId: await currentRequestId() }, fn);
}

/** For pages: the member the page was rendered for, once verified. */
export function setContextMember(member: {
  userId: string;
  organization: { id: string; slug: string };
}): void {
  setContextUser(member.userId);
  setContextOrganization(member.organization);
}
