import "server-only";

import type { z } from "zod";
import { getCurrentSession } from "@/lib/auth/current-session";
import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";
import { env } from "@/lib/env";
import { BadRequestError, forbidden, notFound, notSignedIn } from "@/lib/errors";
import { clientInfoFrom } from "@/lib/http/client-info";
import { withOutboxDelivery } from "@/lib/outbox/after-response";
import {
  setContextImpersonator,
  setContextOrganization,
  setContextUser,
} from "@/lib/observability/context";
import { runInRequestContext } from "@/lib/observability/request";
import { parseTenantHost } from "@/lib/tenancy/host";
import { findMembershipBySlug } from "@/lib/tenancy/membership";
import { OrganizationSuspendedError } from "@/lib/tenancy/suspension";
import type { AuthenticatedContext, MemberContext, PublicContext } from "@/lib/tenancy/context";
import { can, type Permission } from "@/lib/tenancy/permissions";
import { staffContext as verifiedStaff } from "@/lib/admin/access";
import type { StaffContext } from "@/lib/admin/context";
import { refuseWhileImpersonating } from "./impersonation";
import { planLimitAudience } from "./plan-limit";
import { actionInput, parseInput } from "./input";
import { recentAuthentication } from "./middleware";
import { asRememberedWrite } from "./recent-write";
import { requestHeaders } from "./request-scope";
import { failure, fieldErrorsOf, invalidInput, type ActionResult } from "./result";

// public → authenticated → member: each level builds its context from the server's own sources.
// Actions, forms and routes all go through it, so a direct POST gets the checks the UI path gets.

export type { AuthenticatedContext, MemberContext, PublicContext, StaffContext };

type Handler<S extends z.ZodType, C, T> = (input: z.infer<S>, ctx: C) => Promise<T>;

export type Middleware<I, C> = <T>(input: I, ctx: C, next: () => Promise<T>) => Promise<T>;

export type ActionOptions<I, C> = {
  use?: readonly Middleware<I, C>[];
  invalidInput?: "fields" | "bad-request";
  /** Writes nothing, so it neither keeps the caller's next reads on the primary nor reads there. */
  readOnly?: boolean;
};

export type Action<T> = (raw: unknown) => Promise<ActionResult<T>>;

export async function publicContext(): Promise<PublicContext> {
  return { client: clientInfoFrom(await requestHeaders()) };
}

export async function authenticatedContext(): Promise<AuthenticatedContext> {
  const session = await getCurrentSession();
  // On the id itself: an object without a user id is not a user.
  if (!session?.user.id) throw notSignedIn();
  setContextUser(session.user.id);
  // Staff viewing the app as this user: every audit entry of the request names them.
  if (session.impersonatorId) setContextImpersonator(session.impersonatorId);
  return { ...(await publicContext()), session, userId: session.user.id };
}

// The host only names a candidate, checked by the caller's own membership: a forged one is a 404.
export async function memberContext(permission: Permission): Promise<MemberContext> {
  const ctx = await authenticatedContext();
  const host = parseTenantHost((await requestHeaders()).get("host"), env.rootDomain);
  if (host.kind !== "tenant") throw notFound("That organization");
  const membership = await findMembershipBySlug(ctx.userId, host.slug);
  if (!membership) throw notFound("That organization");
  if (membership.suspended) throw new OrganizationSuspendedError();
  setContextOrganization(membership.organization);
  if (!can(membership.role, permission)) throw forbidden();
  return { ...ctx, organization: membership.organization, role: membership.role };
}

// Staff only, on the root host, with two-factor on; anyone else gets "not found".
export async function staffContext(): Promise<StaffContext> {
  const staff = await verifiedStaff();
  setContextUser(staff.userId);
  return { ...(await publicContext()), ...staff };
}

function wrap<S extends z.ZodType, C, T>(
  label: string,
  schema: S,
  context: () => Promise<C>,
  handler: Handler<S, C, T>,
  options: ActionOptions<z.infer<S>, C> = {},
): Action<T> {
  return (raw) =>
    runInRequestContext(label, () =>
      withOutboxDelivery(async (): Promise<ActionResult<T>> => {
        try {
          // Who is asking comes first: an anonymous caller learns nothing from validation errors.
          const ctx = await context();
          await refuseWhileImpersonating(label);
          const parsed = parseInput(schema, actionInput(raw));
          if (!parsed.success) {
            if (options.invalidInput !== "bad-request") return invalidInput(parsed.error);
            return failure(new BadRequestError(fieldErrorsOf(parsed.error)), { action: label });
          }
          const input = parsed.data;
          let run = () => handler(input, ctx);
          for (const middleware of [...(options.use ?? [])].reverse()) {
            const next = run;
            run = () => middleware(input, ctx, next);
          }
          const data = options.readOnly ? await run() : await asRememberedWrite(run);
          return { ok: true, data };
        } catch (error) {
          return failure(error, { action: label });
        }
      }),
    );
}

export function publicAction<S extends z.ZodType, T>(
  label: string,
  schema: S,
  handler: Handler<S, PublicContext, T>,
  options?: ActionOptions<z.infer<S>, PublicContext>,
) {
  return wrap(label, schema, publicContext, handler, options);
}

export function authenticatedAction<S extends z.ZodType, T>(
  label: string,
  schema: S,
  handler: Handler<S, AuthenticatedContext, T>,
  options?: ActionOptions<z.infer<S>, AuthenticatedContext>,
) {
  return wrap(label, schema, authenticatedContext, handler, options);
}

export function memberAction<S extends z.ZodType, T>(
  label: string,
  permission: Permission,
  schema: S,
  handler: Handler<S, MemberContext, T>,
  options?: ActionOptions<z.infer<S>, MemberContext>,
) {
  return wrap(label, schema, () => memberContext(permission), handler, {
    ...options,
    use: [planLimitAudience<z.infer<S>>(), ...(options?.use ?? [])],
  });
}

// Staff act for others: re-authentication within 10 minutes, checked after staff so others see 404.
export function staffAction<S extends z.ZodType, T>(
  label: string,
  schema: S,
  handler: Handler<S, StaffContext, T>,
  options: ActionOptions<z.infer<S>, StaffContext> = {},
) {
  return wrap(label, schema, staffContext, handler, {
    ...options,
    use: [recentAuthentication<z.infer<S>, StaffContext>(), ...(options.use ?? [])],
  });
}

export function toResponse<T>(
  result: ActionResult<T>,
  success: { status?: number; body?: (data: T) => unknown } = {},
): Response {
  if (result.ok)
    return Response.json(success.body ? success.body(result.data) : { data: result.data }, {
      status: success.status ?? 200,
    });
  const { error, fieldErrors, status, code, retryAfterSeconds } = result;
  const headers: Record<string, string> =
    retryAfterSeconds !== undefined
      ? { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" }
      : status === 503
        ? { "Retry-After": String(RETRY_AFTER_SECONDS) }
        : {};
  return Response.json(
    { error, ...(code ? { code } : {}), ...(fieldErrors ? { fieldErrors } : {}) },
    { status, headers },
  );
}
