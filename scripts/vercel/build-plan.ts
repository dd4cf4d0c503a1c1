/**
 * What a Vercel build runs (scripts/vercel-build.ts, vercel.json's buildCommand): the app's
 * build, then the migrations for Production, and for Preview only when each preview has a
 * database of its own. Building first means a build that fails never touches the database;
 * migrating inside the build means a failed migration fails the deployment, so it never
 * takes traffic.
 */

export type BuildVariables = {
  VERCEL_ENV?: string;
  KEEL_MIGRATE_PREVIEWS?: string;
  DATABASE_URL?: string;
  DIRECT_URL?: string;
};

export type BuildStep = { label: string; command: string; args: string[] };

export type BuildPlan = { steps: BuildStep[]; notes: string[] };

export class BuildPlanError extends Error {
  override name = "BuildPlanError";
}

const build: BuildStep = { label: "build", command: "npm", args: ["run", "build"] };
const migrate: BuildStep = { label: "migrate", command: "npm", args: ["run", "db:migrate"] };

// Neon's pooled host, Supavisor's transaction port and PgBouncer's usual one. Migrations take
// advisory locks that a transaction pooler cannot hold across statements.
function looksPooled(url: string): boolean {
  try {
    const { hostname, port } = new URL(url);
    return hostname.includes("-pooler.") || port === "6543" || port === "6432";
  } catch {
    return false;
  }
}

function migrationUrl(vars: BuildVariables, environment: string): string {
  const direct = vars.DIRECT_URL?.trim();
  if (direct) return direct;
  const url = vars.DATABASE_URL?.trim();
  if (!url) {
    throw new BuildPlanError(
      `DATABASE_URL is not set for the ${environment} environment: the migrations need it (and DIRECT_URL behind a pooler).`,
    );
  }
  if (looksPooled(url)) {
    throw new BuildPlanError(
      `DATABASE_URL of the ${environment} environment looks like a transaction pooler: set DIRECT_URL to the direct connection for migrations (docs/DEPLOY_VERCEL.md).`,
    );
  }
  return url;
}

export function vercelBuildPlan(vars: BuildVariables): BuildPlan {
  const environment = vars.VERCEL_ENV ?? "";
  if (environment === "production") {
    migrationUrl(vars, "Production");
    return { steps: [build, migrate], notes: [] };
  }
  if (environment === "preview") {
    if (vars.KEEL_MIGRATE_PREVIEWS === "1") {
      migrationUrl(vars, "Preview");
      return { steps: [build, migrate], notes: ["preview: migrating its own database"] };
    }
    return {
      steps: [build],
      notes: [
        "preview: migrations skipped; set KEEL_MIGRATE_PREVIEWS=1 when each preview has a database of its own",
      ],
    };
  }
  return { steps: [build], notes: [`${environment || "no VERCEL_ENV"}: build only`] };
}
