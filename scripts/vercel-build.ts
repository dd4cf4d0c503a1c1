import { spawnSync } from "node:child_process";
import { BuildPlanError, vercelBuildPlan, type BuildPlan } from "./vercel/build-plan";

/** Vercel's build command (vercel.json): `npm run vercel:build`. See scripts/vercel/build-plan.ts. */

let plan: BuildPlan;
try {
  const { VERCEL_ENV, KEEL_MIGRATE_PREVIEWS, DATABASE_URL, DIRECT_URL } = process.env;
  plan = vercelBuildPlan({ VERCEL_ENV, KEEL_MIGRATE_PREVIEWS, DATABASE_URL, DIRECT_URL });
} catch (error) {
  if (!(error instanceof BuildPlanError)) throw error;
  console.error(`[vercel-build] ${error.message}`);
  process.exit(1);
}

for (const note of plan.notes) console.log(`[vercel-build] ${note}`);
for (const step of plan.steps) {
  console.log(`[vercel-build] ${step.label}: ${step.command} ${step.args.join(" ")}`);
  const result = spawnSync(step.command, step.args, { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[vercel-build] ${step.label} failed; the deployment will not take traffic`);
    process.exit(result.status ?? 1);
  }
}
