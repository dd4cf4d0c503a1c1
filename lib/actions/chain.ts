import "server-only";

import { headers } from "next/headers";
import type { z } from "zod";
import { getCurrentSession } from "@/lib/auth/current-session";
import { requireRecentAuthentication } from "@/lib/auth/recent-authentication";
import type { ActiveSession } from "@/lib/auth/session-store";
import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { clientInfoFrom, type ClientInfo } from "@/lib/http/client-info";
import { setContextOrganization, setContextUser } from "@/lib/observability/context";
import { runInRequestContext } from "@/lib/observability/request";
import { parseTenantHost } from "@/lib/tenancy/host";
import { findMembershipBySlug } from "@/lib/tenancy/membership";
import { can, type Permission } from "@/lib/tenancy/permissions";
import { forbidden, notFound, notSignedIn } from "./errors";
import { actionInput, parseInput } from "./input";
import { failure, invalidInput, type ActionResult } from "./result";

/**
 * The action wrapper chain: public → authenticated → organization member with a
 * permission. Each level parses the input with its zod schema (strict schemas refuse
 * unknown fields, so nothing can be mass-assigned), builds its context from the server's
 * own sources, and returns an ActionResult. Server actions and route handlers both use
 * it, so a direct POST gets exactly the checks the UI path gets.
 */

export type PublicContext = { client: ClientInfo };
export type AuthenticatedContext = PublicContext & { session: ActiveSession; userId: string };
export type MemberContext = AuthenticatedContext & {
  organization: { id: string; slug: string; name: string };
  role: Role;
};

type Handler<S extends z.ZodType, C, T> = (input: z.infer<S>, ctx: C) => Promise<T>;

async function publicContext(): Promise<PublicContext> {
  return { client: clientInfoFrom(await headers()) };
}

async function authenticatedContext(): Promise<AuthenticatedContext> {
  const session = await getCurrentSession();
  // On the id itself: an object without a user id is not a user.
  if (!session?.user.id) throw notSignedIn();
  setContextUser(session.user.id);
  return { ...(await publicContext()), session, userId: session.user.id };
}

/**
 * The organization of this request and the caller's role in it. The candidate comes from
 * the host the request was sent to; it only counts through the caller's own membership
 * row, so a forged Host or a foreign slug reaches nothing but "not found".
 */
export async function memberContext(permission: Permission): Promise<MemberContext> {
  const ctx = await authenticatedContext();
  const host = parseTenantHost((await headers()).get("host"), env.rootDomain);
  if (host.kind !== "tenant") throw notFound("That organization");
  const membership = await findMembershipBySlug(ctx.userId, host.slug);
  if (!membership) throw notFound("That organization");
  setContextOrganization(membership.organization);
  if (!can(membership.role, permission)) throw forbidden();
  return { ...ctx, organization: membership.organization, role: membership.role };
}

function wrap<S extends z.ZodType, C, T>(
  schema: S,
  context: () => Promise<C>,
  handler: Handler<S, C, T>,
  label: string,
) {
  const run = async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      // Who is asking comes first: an anonymous caller learns nothing from validation errors.
      const ctx = await context();
      const parsed = parseInput(schema, actionInput(raw));
      if (!parsed.success) return invalidInput(parsed.error);
      return { ok: true, data: await handler(parsed.data, ctx) };
    } catch (error) {
      return failure(error, { action: label });
    }
  };
  return (raw: unknown) => runInRequestContext(label, () => run(raw));
}

export function publicAction<S extends z.ZodType, T>(
  label: string,
  schema: S,
  handler: Handler<S, PublicContext, T>,
) {
  return wrap(schema, publicContext, handler, label);
}

export function authenticatedAction<S extends z.ZodType, T>(
  label: string,
  schema: S,
  handler: Handler<S, AuthenticatedContext, T>,
) {
  return wrap(schema, authenticatedContext, handler, label);
}

export function memberAction<S extends z.ZodType, T>(
  label: string,
  permission: Permission,
  schema: S,
  handler: Handler<S, MemberContext, T>,
) {
  return wrap(schema, () => memberContext(permission), handler, label);
}

/**
 * Step-up for a dangerous action (deleting an organization, handing it over): the handler
 * runs only for a session that signed in or confirmed it is the owner within the last
 * minutes; otherwise 403 with code "reauthentication_required" and nothing changes.
 * Wraps the handler, after the context and input checks: a caller without the permission
 * still learns only "forbidden".
 */
export function withRecentAuthentication<I, C extends AuthenticatedContext, T>(
  handler: (input: I, ctx: C) => Promise<T>,
): (input: I, ctx: C) => Promise<T> {
  return async (input, ctx) => {
    await requireRecentAuthentication({ userId: ctx.userId, sessionId: ctx.session.sessionId });
    return handler(input, ctx);
  };
}

/** The same chain for route handlers: the result becomes JSON with its status. */
export function toResponse<T>(result: ActionResult<T>): Response {
  if (result.ok) return Response.json({ data: result.data });
  const { error, fieldErrors, status, code } = result;
  return Response.json(
    { error, ...(code ? { code } : {}), ...(fieldErrors ? { fieldErrors } : {}) },
    // A 503 passes (the database or a provider is unavailable): say when to try again.
    {
      status,
      ...(status === 503 ? { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } } : {}),
    },
  );
}
