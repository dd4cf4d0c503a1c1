import "server-only";

import { headers } from "next/headers";
import {
  enrichContext,
  runWithRequestContext,
  setContextOrganization,
  setContextUser,
} from "./context";
import { REQUEST_ID_HEADER } from "./request-id";

export async function currentRequestId(): Promise<string | undefined> {
  return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
}

// `fn` starts at once, so the caller's first request reads happen when they would without this.
export function runInRequestContext<T>(route: string, fn: () => Promise<T>): Promise<T> {
  return runWithRequestContext({ route }, async () => {
    const result = fn();
    const requestId = await currentRequestId().catch(() => undefined);
    if (requestId) enrichContext({ requestId });
    return result;
  });
}

export function setContextMember(member: {
  userId: string;
  organization: { id: string; slug: string };
}): void {
  setContextUser(member.userId);
  setContextOrganization(member.organization);
}
