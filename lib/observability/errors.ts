import * as Sentry from "@sentry/nextjs";
import { after } from "next/server";
import { env } from "@/lib/env";
import { contextFields } from "./context";
import { redact } from "./redact";

let enabled = false;

export function initErrorReporting(dsn: string | undefined = env.SENTRY_DSN): boolean {
  if (enabled || !dsn) return enabled;
  Sentry.init({
    dsn,
    environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
    // Errors only: traces go through the app's own provider.
    enableOpenTelemetrySetup: false,
    enableRuntimeChannelInjection: false,
    beforeSend: (event) => redact(event, 32) as typeof event,
    beforeBreadcrumb: (breadcrumb) => redact(breadcrumb) as typeof breadcrumb,
  });
  enabled = true;
  return enabled;
}

export function reportError(error: unknown, extra: Record<string, unknown> = {}): void {
  if (!enabled) return;
  const fields = contextFields();
  Sentry.withScope((scope) => {
    scope.setTags({
      ...(fields.organizationId ? { organization: fields.organizationId } : {}),
      ...(fields.organizationSlug ? { organization_slug: fields.organizationSlug } : {}),
      ...(fields.userId ? { user: fields.userId } : {}),
      ...(fields.requestId ? { request_id: fields.requestId } : {}),
      ...(fields.jobId ? { job_id: fields.jobId } : {}),
      ...(fields.route ? { route: fields.route } : {}),
    });
    if (fields.userId) scope.setUser({ id: fields.userId });
    scope.setExtras(redact(extra) as Record<string, unknown>);
    Sentry.captureException(error);
  });
  // A serverless function may be frozen right after its response: send before that.
  try {
    after(() => Sentry.flush(2_000));
  } catch {
    // Outside a request (a job, a script): the long-lived process sends it in time.
  }
}

export async function flushErrorReports(timeoutMs = 2_000): Promise<boolean> {
  return enabled ? Sentry.flush(timeoutMs) : true;
}
