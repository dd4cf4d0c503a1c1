import { describe, expect, it } from "vitest";
import { BuildPlanError, vercelBuildPlan } from "@/scripts/vercel/build-plan";

const direct = "postgresql://keel:secret@db.example.com:5432/keel";
const labels = (vars: Parameters<typeof vercelBuildPlan>[0]) =>
  vercelBuildPlan(vars).steps.map(
    (step) => `${step.label}: ${step.command} ${step.args.join(" ")}`,
  );

describe("the Vercel build", () => {
  it("builds, then migrates, for Production", () => {
    expect(labels({ VERCEL_ENV: "production", DATABASE_URL: direct })).toEqual([
      "build: npm run build",
      "migrate: npm run db:migrate",
    ]);
  });

  it("never migrates a preview unless told each preview has its own database", () => {
    const plan = vercelBuildPlan({ VERCEL_ENV: "preview", DATABASE_URL: direct });
    expect(plan.steps.map((step) => step.label)).toEqual(["build"]);
    expect(plan.notes.join()).toContain("KEEL_MIGRATE_PREVIEWS=1");

    for (const value of ["0", "true", "yes", ""]) {
      expect(
        labels({ VERCEL_ENV: "preview", DATABASE_URL: direct, KEEL_MIGRATE_PREVIEWS: value }),
      ).toEqual(["build: npm run build"]);
    }
    expect(
      labels({ VERCEL_ENV: "preview", DATABASE_URL: direct, KEEL_MIGRATE_PREVIEWS: "1" }),
    ).toEqual(["build: npm run build", "migrate: npm run db:migrate"]);
  });

  it.each([undefined, "development", ""])(
    "only builds outside Vercel's deployments (VERCEL_ENV %s)",
    (env) => {
      expect(labels({ VERCEL_ENV: env, DATABASE_URL: direct })).toEqual(["build: npm run build"]);
    },
  );

  it("fails the build when Production has no database to migrate", () => {
    expect(() => vercelBuildPlan({ VERCEL_ENV: "production" })).toThrow(BuildPlanError);
    expect(() => vercelBuildPlan({ VERCEL_ENV: "production", DATABASE_URL: " " })).toThrow(
      /DATABASE_URL is not set for the Production environment/,
    );
  });

  it.each([
    "postgresql://keel:secret@ep-cool-name-123-pooler.eu-central-1.aws.neon.tech/keel",
    "postgresql://keel_web.ref:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
    "postgresql://keel:secret@10.0.0.5:6432/keel",
  ])("refuses to migrate through a transaction pooler without DIRECT_URL: %s", (pooled) => {
    expect(() => vercelBuildPlan({ VERCEL_ENV: "production", DATABASE_URL: pooled })).toThrow(
      /looks like a transaction pooler: set DIRECT_URL/,
    );
    expect(
      labels({ VERCEL_ENV: "production", DATABASE_URL: pooled, DIRECT_URL: direct }),
    ).toContain("migrate: npm run db:migrate");
  });
});
