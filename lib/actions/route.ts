import "server-only";

import type { Feature } from "@/lib/billing/plans/plans";
import {
  badRequest,
  forbiddenOrigin,
  isSameOriginRequest,
  readJsonObject,
} from "@/lib/http/same-origin";
import { withOutboxDelivery } from "@/lib/outbox/after-response";
import { runWithRequestContext } from "@/lib/observability/context";
import { REQUEST_ID_HEADER } from "@/lib/observability/request-id";
import type { Permission } from "@/lib/tenancy/permissions";
import {
  authenticatedContext,
  memberContext,
  publicContext,
  toResponse,
  type AuthenticatedContext,
  type MemberContext,
  type PublicContext,
} from "./chain";
import { refuseWhileImpersonating, type RefusedWhileImpersonating } from "./impersonation";
import { planFeature } from "./middleware";
import { asRememberedWrite } from "./recent-write";
import { withRequestHeaders } from "./request-scope";
import { failure } from "./result";

// Guard order: same origin for writes, context (401/404/403), plan feature (402), JSON body (400).

type Segment<P> = { params: Promise<P> };

export type RouteArgs<C, P> = {
  request: Request;
  ctx: C;
  params: P;
  body: Record<string, unknown>;
};

type RouteOptions = {
  body?: "json";
  refuseWhileImpersonating?: RefusedWhileImpersonating;
};

type RouteHandler<C, P> = (args: RouteArgs<C, P>) => Promise<Response>;

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function route<C, P>(
  context: () => Promise<C>,
  options: RouteOptions,
  handler: RouteHandler<C, P>,
): (request: Request, segment?: Segment<P>) => Promise<Response> {
  return (request, segment) =>
    withRequestHeaders(request.headers, () =>
      runWithRequestContext(requestContextOf(request), () =>
        withOutboxDelivery(async () => {
          if (!safeMethods.has(request.method) && !isSameOriginRequest(request))
            return forbiddenOrigin();
          try {
            const ctx = await context();
            if (options.refuseWhileImpersonating)
              await refuseWhileImpersonating(options.refuseWhileImpersonating);
            let body: Record<string, unknown> = {};
            if (options.body === "json") {
              const json = await readJsonObject(request);
              if (!json) return badRequest();
              body = json;
            }
            const params = segment ? await segment.params : ({} as P);
            const run = () => handler({ request, ctx, params, body });
            if (safeMethods.has(request.method)) return await run();
            return await asRememberedWrite(run, (response) => response.ok);
          } catch (error) {
            return toResponse(failure(error, { route: new URL(request.url).pathname }));
          }
        }),
      ),
    );
}

// Set here as well as by the Node server hook, which hosts like Vercel do not run.
function requestContextOf(request: Request) {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? undefined;
  return { route: `${request.method} ${new URL(request.url).pathname}`, requestId };
}

export function withPublic<P = Record<string, string>>(
  options: RouteOptions,
  handler: RouteHandler<PublicContext, P>,
) {
  return route(publicContext, options, handler);
}

export function withUser<P = Record<string, string>>(
  options: RouteOptions,
  handler: RouteHandler<AuthenticatedContext, P>,
) {
  return route(authenticatedContext, options, handler);
}

export function withMember<P = Record<string, string>>(
  options: RouteOptions & { permission: Permission; feature?: Feature },
  handler: RouteHandler<MemberContext, P>,
) {
  const { permission, feature } = options;
  const context = async () => {
    const ctx = await memberContext(permission);
    if (feature) await planFeature(feature)(undefined, ctx, async () => undefined);
    return ctx;
  };
  return route(context, options, handler);
}
