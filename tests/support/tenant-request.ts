import { createSession } from "@/lib/auth/session-store";
import type { Database } from "@/lib/db/create-client";
import type { Role, SubscriptionStatus } from "@/lib/generated/prisma/enums";

/**
 * The request the mocked `next/headers` answers with in tenant tests: a test sets the
 * Host (which organization) and the session cookie (who) before calling an action.
 */
export const tenantRequest = {
  headers: new Headers({ host: "localhost:3000" }),
  cookie: undefined as string | undefined,
};

/** Sends the next action call as the holder of `token` to `slug`'s subdomain (or the root host). */
export function callAs(token: string | undefined, slug?: string) {
  tenantRequest.cookie = token;
  tenantRequest.headers = new Headers({
    host: slug ? `${slug}.localhost:3000` : "localhost:3000",
    "x-real-ip": "198.51.100.40",
  });
}

let counter = 0;

/** A confirmed user with a session, optionally a member of an organization. */
export async function userWithSession(
  admin: Database,
  label: string,
  membership?: { organizationId: string; role: Role },
  { verified = true } = {},
) {
  const email = `${label}-${Date.now().toString(36)}-${++counter}@example.test`;
  const user = await admin.user.create({
    data: { email, name: label, emailVerified: verified ? new Date() : null },
  });
  const member = membership
    ? await admin.membership.create({ data: { userId: user.id, ...membership } })
    : null;
  const { token } = await createSession(admin, { userId: user.id });
  return { id: user.id, email, token, membershipId: member?.id };
}

/**
 * An organization with a unique slug and its subscription row: on the Business plan
 * unless the test is about plan limits, so those stay out of the way of other tests.
 */
export async function organization(
  admin: Database,
  label: string,
  billing: { plan: string; status: SubscriptionStatus } = { plan: "business", status: "ACTIVE" },
) {
  const slug = `${label}-${Date.now().toString(36)}-${++counter}`;
  const org = await admin.organization.create({ data: { slug, name: label } });
  await admin.subscription.create({ data: { organizationId: org.id, ...billing } });
  return org;
}
