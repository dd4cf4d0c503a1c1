import { AsyncLocalStorage } from "node:async_hooks";
import { SpanStatusCode, trace, type Span } from "@opentelemetry/api";

export type ObservedContext = {
  requestId?: string;
  jobId?: string;
  route?: string;
  jobKind?: string;
  organizationId?: string;
  organizationSlug?: string;
  userId?: string;
  /** The staff member acting, when the request's session is an impersonation. */
  impersonatorId?: string;
  spans?: Span[];
};

// On globalThis: Next.js may evaluate this module once per bundle layer.
const globalForContext = globalThis as unknown as {
  keelContext?: AsyncLocalStorage<ObservedContext>;
};
const storage = (globalForContext.keelContext ??= new AsyncLocalStorage<ObservedContext>());

export function currentContext(): ObservedContext | undefined {
  return storage.getStore();
}

const tracer = () => trace.getTracer("keel");

export function runWithRequestContext<T>(
  context: Omit<ObservedContext, "spans">,
  fn: () => Promise<T>,
): Promise<T> {
  const parent = storage.getStore();
  const enclosing = trace.getActiveSpan();
  const name = context.jobKind ? `job ${context.jobKind}` : (context.route ?? "request");
  return tracer().startActiveSpan(name, async (span) => {
    const spans = [...(parent?.spans ?? []), ...(enclosing ? [enclosing] : []), span];
    const store: ObservedContext = {
      ...parent,
      ...definedOnly(context),
      spans: [...new Set(spans)],
    };
    if (store.organizationId) span.setAttribute("keel.organization.id", store.organizationId);
    if (store.userId) span.setAttribute("keel.user.id", store.userId);
    if (store.jobId) span.setAttribute("keel.job.id", store.jobId);
    try {
      return await storage.run(store, fn);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

export function enrichContext(fields: Omit<ObservedContext, "spans">): void {
  const store = storage.getStore();
  if (store) Object.assign(store, definedOnly(fields));
  else storage.enterWith({ ...definedOnly(fields) });
}

export function setContextOrganization(organization: { id: string; slug: string }): void {
  enrichContext({ organizationId: organization.id, organizationSlug: organization.slug });
  tagSpans({
    "keel.organization.id": organization.id,
    "keel.organization.slug": organization.slug,
  });
}

export function setContextUser(userId: string): void {
  enrichContext({ userId });
  tagSpans({ "keel.user.id": userId });
}

export function setContextImpersonator(impersonatorId: string): void {
  enrichContext({ impersonatorId });
  tagSpans({ "keel.impersonator.id": impersonatorId });
}

function tagSpans(attributes: Record<string, string>): void {
  const store = storage.getStore();
  const active = trace.getActiveSpan();
  for (const span of new Set([...(store?.spans ?? []), ...(active ? [active] : [])])) {
    span.setAttributes(attributes);
  }
}

export function contextFields(): Record<string, string> {
  const { spans: _spans, ...fields } = storage.getStore() ?? {};
  return definedOnly(fields) as Record<string, string>;
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

export function runInContext<T>(store: ObservedContext, fn: () => T): T {
  return storage.run(store, fn);
}
