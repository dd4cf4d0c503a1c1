import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";
import { runHealthChecks, type HealthDependencies, type HealthReport } from "./checks";

/**
 * Past these, readiness answers 503. Ten minutes is two missed runs of the five-minute
 * cron: jobs are piling up rather than waiting for their turn. Dead letters wait for an
 * operator; this many means something fails for everyone, not for one bad payload.
 */
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
  /** The job queue's figures (lib/jobs/stats.ts). */
  queue: () => Promise<QueueReport>;
};

export type ReadinessReport = HealthReport & {
  queue: (QueueReport & { status: "ok" | "behind" }) | { status: "unknown" };
};

/** Liveness plus the job queue: "ok" only when the dependencies answer and the queue keeps up. */
export async function readinessResponse(dependencies: ReadinessDependencies): Promise<Response> {
  const log = dependencies.log ?? console.error;
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
