import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";
import { runHealthChecks, type HealthDependencies, type HealthReport } from "./checks";
import { logError } from "@/lib/observability/logger";

// Ten minutes is two missed runs of the five-minute cron; this many dead letters means something
// fails for everyone, not one bad payload.
export const readinessThresholds = {
  oldestPendingAgeSeconds: 10 * 60,
  deadLetters: 100,
} as const;

export type QueueReport = {
  oldestPendingAgeSeconds: number;
  pending: number;
  dead: number;
};

export type ReadinessDependencies = HealthDependencies & {
  queue: () => Promise<QueueReport>;
};

export type ReadinessReport = HealthReport & {
  queue: (QueueReport & { status: "ok" | "behind" }) | { status: "unknown" };
};

export async function readinessResponse(dependencies: ReadinessDependencies): Promise<Response> {
  const log = dependencies.log ?? logError;
  const [health, queue] = await Promise.all([
    runHealthChecks(dependencies),
    dependencies.queue().then(
      (report) => ({
        ...report,
        status:
          report.oldestPendingAgeSeconds > readinessThresholds.oldestPendingAgeSeconds ||
          report.dead > readinessThresholds.deadLetters
            ? ("behind" as const)
            : ("ok" as const),
      }),
      (error: unknown) => {
        log("[health] job queue check failed", error);
        return { status: "unknown" as const };
      },
    ),
  ]);
  const ok = health.status === "ok" && queue.status === "ok";
  const report: ReadinessReport = { ...health, status: ok ? "ok" : "degraded", queue };
  return Response.json(report, {
    status: ok ? 200 : 503,
    headers: {
      "Cache-Control": "no-store",
      ...(ok ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) }),
    },
  });
}
