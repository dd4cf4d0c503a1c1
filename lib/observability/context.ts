import { AsyncLocalStorage } from "node:async_hooks";
import { SpanStatusCode, trace, type Span } from "@opentelemetry/api";

/**
 * Who and what a piece of work is for: one request or one job. Log lines, spans and
 * error reports read it from here, so no call site passes it by hand.
 */
export type ObservedContext = {
  requestId?: string;
  jobId?: string;
  /** The action label, route handler or page path; for a job, its kind. */
  route?: string;
  jobKind?: string;
  organizationId?: string;
  organizationSlug?: string;
  userId?: string;
  /** Spans that carry the tenant attributes: the one active at start, and ours. */
  spans?: Span[];
};

// On globalThis: Next.js can evaluate this module once per bundle layer, and every copy
// must see the same store.
const globalForContext = globalThis as unknown as {
  keelContext?: AsyncLocalStorage<ObservedContext>;
};
const storage = (globalForContext.keelContext ??= new AsyncLocalStorage<ObservedContext>());

export function currentContext(): ObservedContext | undefined {
  return storage.getStore();
}

const tracer = () => trace.getTracer("keel");

/**
 * Runs `fn` in a context of its own (inheriting what the enclosing one knew) and in a
 * span named for the route or job. Without a registered tracer the span is a no-op.
 */
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

/**
 * Fills in the current context, or starts one for the rest of this async call chain when
 * there is none (a page rendered outside the server hook).
 */
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

function tagSpans(attributes: Record<string, string>): void {
  const store = storage.getStore();
  const active = trace.getActiveSpan();
  for (const span of new Set([...(store?.spans ?? []), ...(active ? [active] : [])])) {
    span.setAttributes(attributes);
  }
}

/** The context as log fields: only what is known, without the spans. */
export function contextFields(): Record<string, string> {
  const { spans: _spans, ...fields } = storage.getStore() ?? {};
  return definedOnly(fields) as Record<string, string>;
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** Runs `fn` with `store` as its context (the server hook's per-request store). */
export function runInContext<T>(store: ObservedContext, fn: () => T): T {
  return storage.run(store, fn);
}
